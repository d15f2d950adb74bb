"""The month texts of search follow every write, and a bad one falls back to the rows."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.search_index import (
    SEARCH_TEXT,
    MonthText,
    item_for,
    month_subject,
    months_read,
)
from nearer.journal.selectors import entries_search, entries_search_by_rows
from nearer.journal.tests.conftest import Write
from nearer.vault.derived import derived_opened, derived_refresh
from nearer.vault.models import DerivedValue

pytestmark = pytest.mark.django_db

MAY, JUNE = date(2026, 5, 14), date(2026, 6, 2)


def _stored(owner: Person, day: date) -> MonthText | None:
    """The stored text of the month of ``day``, opened (None: missing or unreadable)."""
    subject = month_subject(day.year, day.month)
    row = DerivedValue.objects.filter(owner=owner.user, kind=SEARCH_TEXT.name, subject=subject)
    found = row.values_list("version", "content").first()
    if found is None:
        return None
    return derived_opened(
        SEARCH_TEXT, vault=owner.vault, subject=subject, version=found[0], content=found[1]
    )


def _words(month: MonthText | None) -> bytes:
    assert month is not None
    return month.folded


def test_a_new_entry_is_in_its_months_text(alice: Person, write: Write) -> None:
    entry = write(alice, entry_date=MAY, title="Évening", body="A heron", tags=["Walks"])
    month = _stored(alice, MAY)
    assert month is not None and month.n == 1 and month.entry_id(0) == entry.id
    assert _words(month) == "evening\xffa heron\xffwalks\xff".encode("latin-1")


def test_an_edit_changes_the_text_and_a_new_date_moves_it(alice: Person, write: Write) -> None:
    entry = write(alice, entry_date=MAY, body="first words")
    stays = write(alice, entry_date=MAY, body="staying put")
    services.entry_update(
        user=alice.user,
        vault=alice.vault,
        entry_id=entry.id,
        entry_date=MAY,
        title="",
        body="second thoughts",
        tags=[],
    )
    assert b"second thoughts" in _words(_stored(alice, MAY))
    assert b"first words" not in _words(_stored(alice, MAY))
    services.entry_update(
        user=alice.user,
        vault=alice.vault,
        entry_id=entry.id,
        entry_date=JUNE,
        title="",
        body="moved along",
        tags=[],
    )
    may, june = _stored(alice, MAY), _stored(alice, JUNE)
    assert may is not None and [may.entry_id(i) for i in range(may.n)] == [stays.id]
    assert june is not None and [june.entry_id(i) for i in range(june.n)] == [entry.id]
    assert b"moved along" in june.folded and b"moved along" not in may.folded


def test_a_deleted_entry_leaves_its_months_text(alice: Person, write: Write) -> None:
    gone = write(alice, entry_date=MAY, body="soon forgotten")
    write(alice, entry_date=MAY, body="still here")
    services.entry_delete(user=alice.user, vault=alice.vault, entry_id=gone.id)
    assert b"soon forgotten" not in _words(_stored(alice, MAY))
    assert b"still here" in _words(_stored(alice, MAY))
    assert entries_search(user=alice.user, vault=alice.vault, query="forgotten").total == 0


def test_a_tampered_month_is_worked_out_from_the_rows(alice: Person, write: Write) -> None:
    write(alice, entry_date=MAY, body="heron at dusk")
    write(alice, entry_date=JUNE, body="heron at dawn")
    subject = month_subject(MAY.year, MAY.month)
    row = DerivedValue.objects.get(owner=alice.user, kind=SEARCH_TEXT.name, subject=subject)
    broken = bytearray(bytes(row.content))
    broken[20] ^= 1
    DerivedValue.objects.filter(id=row.id).update(content=bytes(broken))
    new = entries_search(user=alice.user, vault=alice.vault, query="heron")
    old = entries_search_by_rows(user=alice.user, vault=alice.vault, query="heron")
    assert new.total == old.total == 2
    assert [hit.entry.id for hit in new.hits] == [hit.entry.id for hit in old.hits]
    assert bytes(DerivedValue.objects.get(id=row.id).content) == bytes(broken)  # a read


def test_another_persons_month_copied_over_does_not_open(
    alice: Person, bob: Person, write: Write
) -> None:
    write(alice, entry_date=MAY, body="alice writes of herons")
    write(bob, entry_date=MAY, body="bob writes of owls")
    subject = month_subject(MAY.year, MAY.month)
    theirs = DerivedValue.objects.get(owner=bob.user, kind=SEARCH_TEXT.name, subject=subject)
    DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).update(
        content=theirs.content
    )
    assert entries_search(user=alice.user, vault=alice.vault, query="owls").total == 0
    assert entries_search(user=alice.user, vault=alice.vault, query="herons").total == 1


def test_a_month_with_another_count_than_its_rows_is_worked_out_again(
    alice: Person, write: Write
) -> None:
    write(alice, entry_date=MAY, body="heron one")
    # A write that skipped the services: the stored month does not know it.
    subject = month_subject(MAY.year, MAY.month)
    stale = DerivedValue.objects.get(owner=alice.user, kind=SEARCH_TEXT.name, subject=subject)
    write(alice, entry_date=MAY, body="heron two")
    DerivedValue.objects.filter(id=stale.id).update(content=stale.content)
    assert entries_search(user=alice.user, vault=alice.vault, query="heron").total == 2


def test_a_missing_month_is_rebuilt_at_login_and_read_never_writes(
    alice: Person, write: Write
) -> None:
    write(alice, entry_date=MAY, body="heron")
    DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).delete()
    assert [month.n for month in months_read(user=alice.user, vault=alice.vault)] == [1]
    assert not DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).exists()
    assert derived_refresh(user=alice.user, vault=alice.vault) >= 1
    assert _stored(alice, MAY) is not None


def test_the_layout_reads_back_what_was_written(alice: Person, write: Write) -> None:
    entry = write(alice, entry_date=MAY, title="Дневник", body="Straße — don’t", tags=["Zoë"])
    item = item_for(entry.id, MAY, entry.created_at, None)
    month = MonthText.of([item])
    assert MonthText.decode(month.encode()).items() == [item]
    stored = _stored(alice, MAY)
    assert stored is not None
    assert MonthText.decode(stored.encode()).items() == stored.items()
    # Cyrillic folds to non-ASCII letters, so the ASCII-only text is kept apart.
    assert stored.plain != stored.folded
    assert "дневник".encode() in stored.folded and b"strasse - don't" in stored.plain


def test_a_tag_is_never_the_next_entrys_title(alice: Person, write: Write) -> None:
    # In the month text the newer entry (no tags) ends with FF and the older one
    # starts with its title: "FF walks FF" runs across the two and is no tag.
    write(alice, entry_date=date(2026, 5, 1), title="walks", body="by the river")
    write(alice, entry_date=date(2026, 5, 2), title="", body="no tags here")
    write(alice, entry_date=date(2026, 5, 3), title="", body="walks", tags=["tea"])
    # Asked of the month itself: search re-checks the hits it shows, not those beyond.
    (month,) = months_read(user=alice.user, vault=alice.vault)
    assert month.matches([], b"walks") == []
    assert [month.entry_id(i) for i in month.matches([], b"tea")] == [month.entry_id(0)]
    assert entries_search(user=alice.user, vault=alice.vault, query="", tag="walks").total == 0
