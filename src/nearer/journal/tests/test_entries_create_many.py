"""entries_create_many: many entries saved at once, checked one by one, searchable at once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.search_index import SEARCH_TEXT, month_subject
from nearer.journal.selectors import entries_search, entries_search_by_rows
from nearer.journal.services import entries_create_many
from nearer.vault.derived import derived_opened
from nearer.vault.models import DerivedValue

pytestmark = pytest.mark.django_db

MAY, JUNE = date(2026, 5, 14), date(2026, 6, 2)


def test_every_entry_is_sealed_and_each_month_searchable_once(alice: Person) -> None:
    made = entries_create_many(
        user=alice.user,
        vault=alice.vault,
        entries=[
            (MAY, "Lakeside", "a grey heronbird stood still", ["Walks"], None),
            (MAY, "", "supper with the neighbours", [], None),
            (JUNE, "Rain", "the heronbird came back", ["walks"], None),
        ],
    )
    assert made == 3
    rows = list(Entry.objects.filter(owner=alice.user).order_by("entry_date", "created_at"))
    assert [row.entry_date for row in rows] == [MAY, MAY, JUNE]
    opened = [content_open(alice.vault, row.id, row.content) for row in rows]
    assert [content.body for content in opened] == [
        "a grey heronbird stood still",
        "supper with the neighbours",
        "the heronbird came back",
    ]
    for day, count in ((MAY, 2), (JUNE, 1)):
        subject = month_subject(day.year, day.month)
        stored = DerivedValue.objects.get(owner=alice.user, kind=SEARCH_TEXT.name, subject=subject)
        month = derived_opened(
            SEARCH_TEXT,
            vault=alice.vault,
            subject=subject,
            version=stored.version,
            content=stored.content,
        )
        assert month is not None and month.n == count
    found = entries_search(user=alice.user, vault=alice.vault, query="heronbird")
    reference = entries_search_by_rows(user=alice.user, vault=alice.vault, query="heronbird")
    assert found == reference
    assert len(found.hits) == 2


def test_one_entry_that_breaks_a_rule_saves_none(alice: Person) -> None:
    too_late = timezone.localdate() + timedelta(days=800)
    with pytest.raises(ValidationError):
        entries_create_many(
            user=alice.user,
            vault=alice.vault,
            entries=[
                (MAY, "Fine", "a perfectly good entry", [], None),
                (too_late, "Later", "far in the future", [], None),
            ],
        )
    assert not Entry.objects.filter(owner=alice.user).exists()
    assert not DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).exists()


def test_another_accounts_vault_is_refused(alice: Person, bob: Person) -> None:
    with pytest.raises(ValueError, match="does not belong"):
        entries_create_many(
            user=alice.user, vault=bob.vault, entries=[(MAY, "", "words", [], None)]
        )
    assert not Entry.objects.filter(owner=alice.user).exists()


def _stored_month(person: Person, day: date) -> bytes:
    subject = month_subject(day.year, day.month)
    stored = DerivedValue.objects.get(owner=person.user, kind=SEARCH_TEXT.name, subject=subject)
    month = derived_opened(
        SEARCH_TEXT,
        vault=person.vault,
        subject=subject,
        version=stored.version,
        content=stored.content,
    )
    assert month is not None
    return month.encode()


def test_a_new_months_text_made_in_hand_is_the_text_its_rows_give(alice: Person) -> None:
    from nearer.journal.search_index import month_from_rows
    from nearer.journal.services import entry_create

    # June had an entry before; May had none.
    entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=JUNE,
        title="Before",
        body="written before the import",
        tags=["earlier"],
    )
    entries_create_many(
        user=alice.user,
        vault=alice.vault,
        entries=[
            (MAY, "Lakeside", "a grey heronbird stood still", ["Walks", "Birds"], None),
            (MAY, "", "supper with the neighbours", [], None),
            (JUNE, "Rain", "the heronbird came back", ["walks"], None),
        ],
    )
    for day in (MAY, JUNE):
        rows = month_from_rows(alice.user.pk, alice.vault, month_subject(day.year, day.month))
        assert _stored_month(alice, day) == rows.encode()
