"""A person's sealed ratings summary: it follows every rating, is worked out from the
ratings (nothing written) when missing, unreadable or old, is rebuilt at login, and
belongs to one person and owner."""

from __future__ import annotations

import json
from datetime import date
from typing import cast

import pytest
from django.http import Http404
from django.test import Client

from nearer.conftest import Person
from nearer.people import services
from nearer.people.days import rating_seal
from nearer.people.models import ClosenessRating
from nearer.people.models import Person as PersonRow
from nearer.people.ratings import SUMMARY, summary_history
from nearer.people.selectors import closeness_history, person_page
from nearer.people.tests.conftest import AddPerson
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import DAMAGES, Damage, damage, stored, stored_row

pytestmark = pytest.mark.django_db


def _rate(owner: Person, row: PersonRow, day: date, value: int) -> None:
    services.closeness_rate(
        user=owner.user, vault=owner.vault, person_id=row.id, value=value, rated_on=day
    )


def _stored(owner: Person, row: PersonRow) -> list[tuple[date, int]] | None:
    found = stored_row(owner, SUMMARY, row.id)
    if found is None:
        return None
    return summary_history(owner.vault, row.id, found.version, found.content)


def _log_in_again(owner: Person) -> None:
    response = Client().post(
        "/accounts/login/", {"username": owner.user.username, "password": owner.password}
    )
    assert response.status_code == 302


def test_it_follows_every_rating_in_order_and_a_second_rating_of_a_day_replaces_it(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    assert _stored(alice, row) is None  # built at the first rating
    _rate(alice, row, date(2026, 3, 1), 4)
    _rate(alice, row, date(2026, 1, 1), 2)  # an earlier day goes before
    _rate(alice, row, date(2026, 3, 1), 6)  # the same day again replaces
    _rate(alice, row, date(2026, 5, 1), 7)
    expected = [(date(2026, 1, 1), 2), (date(2026, 3, 1), 6), (date(2026, 5, 1), 7)]
    assert _stored(alice, row) == expected
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == expected
    assert ClosenessRating.objects.filter(person_id=row.id).count() == 3


def test_it_goes_with_the_person_when_they_are_deleted(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    _rate(alice, row, date(2026, 1, 1), 3)
    assert _stored(alice, row) == [(date(2026, 1, 1), 3)]
    services.person_delete(user=alice.user, vault=alice.vault, person_id=row.id)
    assert not PersonRow.objects.filter(id=row.id).exists()
    assert not DerivedValue.objects.filter(owner=alice.user, kind=SUMMARY.name).exists()
    assert not ClosenessRating.objects.filter(owner=alice.user).exists()
    with pytest.raises(Http404):
        closeness_history(user=alice.user, vault=alice.vault, person_id=row.id)


def test_ratings_made_without_the_services_are_shown_and_summarised_at_the_next_login(
    alice: Person, add_person: AddPerson
) -> None:
    # As the demo does: ratings in bulk, no summary yet.
    row = add_person(alice)
    ratings = []
    for day, value in ((date(2025, 2, 1), 5), (date(2025, 1, 1), 3)):
        rating = ClosenessRating(owner=alice.user, person=row, rated_on=day)
        rating.content = rating_seal(alice.vault, rating.id, value)
        ratings.append(rating)
    ClosenessRating.objects.bulk_create(ratings)
    _, history = person_page(user=alice.user, vault=alice.vault, person_id=row.id)
    assert history == [(date(2025, 1, 1), 3), (date(2025, 2, 1), 5)]
    assert _stored(alice, row) is None  # a read writes nothing
    _log_in_again(alice)
    assert _stored(alice, row) == history


@pytest.mark.parametrize("how", [*DAMAGES, "bad value", "unsorted"])
def test_a_summary_missing_unreadable_old_or_off_is_worked_out_and_rebuilt_at_login(
    alice: Person, add_person: AddPerson, how: str
) -> None:
    row = add_person(alice)
    _rate(alice, row, date(2026, 1, 1), 4)
    _rate(alice, row, date(2026, 2, 1), 5)
    shapes = {"bad value": {"d": [1], "x": [9]}, "unsorted": {"d": [5, 1], "x": [4, 4]}}
    if how in shapes:
        damage(alice, SUMMARY, "resealed", row.id, shapes[how])
    else:
        damage(alice, SUMMARY, cast(Damage, how), row.id)
    assert _stored(alice, row) is None
    expected = [(date(2026, 1, 1), 4), (date(2026, 2, 1), 5)]
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == expected
    assert _stored(alice, row) is None  # a read writes nothing
    _log_in_again(alice)
    assert _stored(alice, row) == expected


@pytest.mark.parametrize("how", DAMAGES)
def test_rating_on_top_of_a_damaged_summary_builds_it_with_the_new_rating(
    alice: Person, add_person: AddPerson, how: Damage
) -> None:
    row = add_person(alice)
    _rate(alice, row, date(2026, 1, 1), 4)
    damage(alice, SUMMARY, how, row.id)
    _rate(alice, row, date(2026, 2, 1), 2)
    assert _stored(alice, row) == [(date(2026, 1, 1), 4), (date(2026, 2, 1), 2)]


def test_it_is_scoped_to_its_owner_and_person(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    mine, other = add_person(alice, name="Mine"), add_person(alice, name="Other")
    theirs = add_person(charlie, name="Theirs")
    _rate(alice, mine, date(2026, 1, 1), 2)
    _rate(alice, other, date(2026, 1, 1), 7)
    _rate(charlie, theirs, date(2026, 1, 1), 6)
    with pytest.raises(Http404):
        person_page(user=charlie.user, vault=charlie.vault, person_id=mine.id)
    # Another person's summary (of the same owner, or of someone else) does not open
    # here: it is bound to its person and owner, so the page works this one out.
    for owner, source in ((alice, other), (charlie, theirs)):
        copied = stored_row(owner, SUMMARY, source.id)
        assert copied is not None
        DerivedValue.objects.filter(owner=alice.user, kind=SUMMARY.name, subject=mine.id).update(
            content=copied.content
        )
        assert _stored(alice, mine) is None
        _, history = person_page(user=alice.user, vault=alice.vault, person_id=mine.id)
        assert history == [(date(2026, 1, 1), 2)]


def test_the_stored_summary_is_sealed(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    _rate(alice, row, date(2026, 1, 1), 4)
    found = stored_row(alice, SUMMARY, row.id)
    assert found is not None and stored(alice, SUMMARY, row.id) == (
        [date(2026, 1, 1).toordinal()],
        [4],
    )
    sealed = bytes(found.content)
    plain = json.dumps({"d": [date(2026, 1, 1).toordinal()], "x": [4]})
    assert b'"d"' not in sealed and str(date(2026, 1, 1).toordinal()).encode() not in sealed
    assert plain.encode() not in sealed
