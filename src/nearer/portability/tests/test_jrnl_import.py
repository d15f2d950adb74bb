"""jrnl import service: mapping to journal entries, duplicates, all-or-nothing apply."""

from __future__ import annotations

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.rules import MAX_TAGS, MAX_TITLE
from nearer.portability.jrnl_import import jrnl_apply, jrnl_prepare, jrnl_preview
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def _contents(person: Person) -> list[tuple[str, str, str, tuple[str, ...]]]:
    rows = Entry.objects.filter(owner=person.user).order_by("entry_date")
    return [
        (
            str(row.entry_date),
            (c := content_open(person.vault, row.id, row.content)).title,
            c.body,
            c.tags,
        )
        for row in rows
    ]


def test_it_previews_then_saves_every_entry(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    assert len(preview.entries) == 3
    assert not Entry.objects.filter(owner=alice.user).exists()
    assert jrnl_apply(user=alice.user, vault=alice.vault, import_id=import_id) == 3
    saved = _contents(alice)
    assert saved[1][3] == ("Sam", "work", "starred")
    # A title-only entry keeps its title as its text.
    assert saved[2][1:3] == ("Nothing much to say today.", "Nothing much to say today.")
    assert not PendingImport.objects.filter(id=import_id).exists()


def test_the_same_file_again_offers_nothing_new(alice: Person) -> None:
    first = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    jrnl_apply(user=alice.user, vault=alice.vault, import_id=first)
    again = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.json"))
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=again)
    assert (len(preview.entries), preview.already) == (0, 3)


def test_two_same_entries_in_the_file_and_one_in_the_journal_add_one(alice: Person) -> None:
    one = b"[2024-05-01 10:00] Twinentryword\nsame\n"
    jrnl_apply(
        user=alice.user,
        vault=alice.vault,
        import_id=jrnl_prepare(user=alice.user, vault=alice.vault, data=one),
    )
    again = jrnl_prepare(user=alice.user, vault=alice.vault, data=one + one)
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=again)
    assert (len(preview.entries), preview.already) == (1, 1)


def test_a_long_title_moves_into_the_text(alice: Person) -> None:
    title = "w" * (MAX_TITLE + 1)
    data = f"[2024-05-01 10:00] {title}\nbody\n".encode()
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=data)
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    (entry,) = preview.entries
    assert (entry.title, entry.body) == ("", f"{title}\n\nbody")
    assert preview.changed == ((1, "its long title was moved to the start of the text"),)


def test_tags_past_the_limit_are_cut_and_said(alice: Person) -> None:
    tags = " ".join(f"@tag{i}" for i in range(MAX_TAGS + 5))
    data = f"[2024-05-01 10:00] Many *\n{tags}\n".encode()
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=data)
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    assert len(preview.entries[0].tags) == MAX_TAGS
    assert "first 20 tags" in preview.changed[0][1]


def test_an_entry_too_far_ahead_is_left_out(alice: Person) -> None:
    data = b"[2999-01-01 10:00] Future\nx\n[2020-01-01 10:00] Past\ny\n"
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=data)
    preview = jrnl_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    assert [e.title for e in preview.entries] == ["Past"]
    assert [n for n, _ in preview.skipped] == [1]


def test_another_account_cannot_apply_it(alice: Person, bob: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    with pytest.raises(Http404):
        jrnl_apply(user=bob.user, vault=bob.vault, import_id=import_id)
    assert not Entry.objects.exists()
