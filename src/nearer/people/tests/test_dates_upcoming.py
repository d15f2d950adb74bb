from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.people import services
from nearer.people.rules import DateDraft
from nearer.people.selectors import dates_upcoming
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_lists_the_next_two_weeks_soonest_first(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya", dates=[DateDraft("birthday", 5, 20, 1990)])
    add_person(
        alice,
        name="Jonas",
        dates=[DateDraft("anniversary", 5, 14, 2020), DateDraft("custom", 6, 1, None, "Name day")],
    )
    add_person(alice, name="Later", dates=[DateDraft("birthday", 7, 1)])
    found = dates_upcoming(user=alice.user, vault=alice.vault, today=date(2026, 5, 14))
    assert [(u.person_name, u.title, u.days_away, u.years) for u in found] == [
        ("Jonas", "Anniversary", 0, 6),
        ("Maya", "Birthday", 6, 36),
    ]


def test_it_wraps_from_december_into_january(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya", dates=[DateDraft("birthday", 1, 3, 2000)])
    found = dates_upcoming(user=alice.user, vault=alice.vault, today=date(2026, 12, 25))
    assert [(u.on, u.years) for u in found] == [(date(2027, 1, 3), 27)]


def test_29_february_shows_on_28_february_in_other_years(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Leap", dates=[DateDraft("birthday", 2, 29, 2004)])
    found = dates_upcoming(user=alice.user, vault=alice.vault, today=date(2027, 2, 20))
    assert [(u.on, u.years) for u in found] == [(date(2027, 2, 28), 23)]
    leap = dates_upcoming(user=alice.user, vault=alice.vault, today=date(2028, 2, 20))
    assert [u.on for u in leap] == [date(2028, 2, 29)]


def test_it_leaves_out_archived_people_and_other_owners(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    gone = add_person(alice, name="Gone", dates=[DateDraft("birthday", 5, 15)])
    services.person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    add_person(charlie, name="Not yours", dates=[DateDraft("birthday", 5, 15)])
    assert dates_upcoming(user=alice.user, vault=alice.vault, today=date(2026, 5, 14)) == []


def test_it_has_no_year_words_when_the_year_is_unknown(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Maya", dates=[DateDraft("birthday", 5, 15)])
    (found,) = dates_upcoming(user=alice.user, vault=alice.vault, today=date(2026, 5, 14))
    assert found.years is None
