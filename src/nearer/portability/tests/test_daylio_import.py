"""Daylio import service: moods mapped, notes where chosen, duplicates, all or nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.checkins.content import MAX_NOTE, content_open
from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.journal.content import content_open as entry_open
from nearer.journal.models import Entry
from nearer.portability.daylio_import import daylio_apply, daylio_prepare, daylio_preview
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db

MAPPING = {"rad": 2, "good": 1, "meh": 0, "bad": -1, "awful": -2, "sleepy": -1}
HEADER = b"full_date,date,weekday,time,mood,activities,note_title,note\n"


def _checkins(person: Person) -> list[tuple[str, int, str, tuple[str, ...], str]]:
    rows = CheckIn.objects.filter(owner=person.user).order_by("at")
    out = []
    for row in rows:
        c = content_open(person.vault, row.id, row.content)
        out.append((f"{row.local_date} {c.time}", c.pleasantness, c.emotion, c.tags, c.note))
    return out


def test_the_preview_lists_moods_with_defaults_and_custom_ones(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    preview = daylio_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    assert [(m.name, m.rows, m.default) for m in preview.moods] == [
        ("good", 1, 1),
        ("rad", 1, 2),
        ("sleepy", 1, None),
        ("meh", 1, 0),
        ("bad", 1, -1),
        ("awful", 1, -2),
    ]
    assert not CheckIn.objects.exists()


def test_it_saves_check_ins_with_notes_as_their_notes(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    result = daylio_apply(
        user=alice.user, vault=alice.vault, import_id=import_id, moods=MAPPING, notes_to="checkin"
    )
    assert (result.checkins, result.entries, result.left_out) == (6, 0, 0)
    saved = _checkins(alice)
    assert saved[0] == ("2024-03-12 07:45", -2, "sad", (), "A rough night")
    assert saved[4] == (
        "2024-03-15 21:40",
        2,
        "joyful",
        ("friends", "walk"),
        "River path\n\nWe walked to the old mill.\nTalked about nothing at all.",
    )
    assert saved[3][1:3] == (-1, "down")  # the custom mood, as mapped
    assert not Entry.objects.exists()
    assert not PendingImport.objects.exists()


def test_notes_can_become_journal_entries(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    result = daylio_apply(
        user=alice.user, vault=alice.vault, import_id=import_id, moods=MAPPING, notes_to="journal"
    )
    assert (result.checkins, result.entries) == (6, 4)
    assert all(note == "" for *_, note in _checkins(alice))
    texts = {
        (c.title, c.body, c.tags)
        for e in Entry.objects.filter(owner=alice.user, entry_date="2024-03-15")
        for c in [entry_open(alice.vault, e.id, e.content)]
    }
    assert (
        "River path",
        "We walked to the old mill.\nTalked about nothing at all.",
        ("friends", "walk"),
    ) in texts


def test_a_mood_left_out_saves_none_of_its_rows(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    result = daylio_apply(
        user=alice.user,
        vault=alice.vault,
        import_id=import_id,
        moods={**MAPPING, "sleepy": None},
        notes_to="checkin",
    )
    assert (result.checkins, result.left_out) == (5, 1)


def test_a_note_longer_than_a_check_in_note_becomes_an_entry(alice: Person) -> None:
    long = "n" * (MAX_NOTE + 1)
    data = HEADER + f"2024-01-01,,,10:00,rad,,,{long}\n".encode()
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=data)
    result = daylio_apply(
        user=alice.user, vault=alice.vault, import_id=import_id, moods=MAPPING, notes_to="checkin"
    )
    assert (result.checkins, result.entries) == (1, 1)


def test_the_same_file_again_offers_nothing_new(alice: Person) -> None:
    first = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    daylio_apply(
        user=alice.user, vault=alice.vault, import_id=first, moods=MAPPING, notes_to="journal"
    )
    again = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    preview = daylio_preview(user=alice.user, vault=alice.vault, import_id=again)
    assert (len(preview.rows), preview.already, preview.moods) == (0, 6, ())


def test_a_mapping_outside_the_scale_saves_nothing(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    with pytest.raises(ValidationError):
        daylio_apply(
            user=alice.user,
            vault=alice.vault,
            import_id=import_id,
            moods={**MAPPING, "rad": 3},
            notes_to="checkin",
        )
    assert not CheckIn.objects.exists()
    assert PendingImport.objects.filter(id=import_id).exists()


def test_another_account_cannot_apply_it(alice: Person, bob: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    with pytest.raises(Http404):
        daylio_apply(
            user=bob.user, vault=bob.vault, import_id=import_id, moods=MAPPING, notes_to="checkin"
        )
    assert not CheckIn.objects.exists()
