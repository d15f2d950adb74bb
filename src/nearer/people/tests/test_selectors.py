from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ClosenessRating
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import (
    closeness_history,
    people_list,
    person_dates,
    person_get,
)
from nearer.people.tests.conftest import AddPerson
from nearer.vault.models import DerivedValue

pytestmark = pytest.mark.django_db


def test_search_finds_names_called_and_relationships_ignoring_accents(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Zoë Martin", relationship="family")
    add_person(alice, name="Jonas Berg", called="Joe", relationship_label="climbing buddy")
    add_person(alice, name="Ana Ruiz", relationship="colleague")

    def names(query: str) -> list[str]:
        return [p.name for p in people_list(user=alice.user, vault=alice.vault, query=query)]

    assert names("zoe") == ["Zoë Martin"]
    assert names("JOE") == ["Jonas Berg"]
    assert names("climbing") == ["Jonas Berg"]
    assert names("colleague") == ["Ana Ruiz"]
    assert names("family zoe") == ["Zoë Martin"]
    assert names("nobody") == []
    assert names("") == ["Ana Ruiz", "Jonas Berg", "Zoë Martin"]


def test_a_person_who_will_not_open_is_shown_as_such(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    PersonRow.objects.filter(id=row.id).update(content=b"tampered")
    view = person_get(user=alice.user, vault=alice.vault, person_id=row.id)
    assert not view.readable
    assert "could not be opened" in view.display_name


def test_a_rating_that_will_not_open_is_left_out(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    services.closeness_rate(
        user=alice.user, vault=alice.vault, person_id=row.id, value=4, rated_on=date(2026, 1, 1)
    )
    ClosenessRating.objects.update(content=b"tampered")
    # The page reads the sealed ratings summary; built from the ratings again, the
    # tampered one is left out.
    DerivedValue.objects.filter(owner=alice.user, subject=row.id).delete()
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == []


def test_every_read_by_id_is_404_for_a_stranger(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    for person_id in (row.id, uuid.uuid4()):
        with pytest.raises(Http404):
            person_get(user=charlie.user, vault=charlie.vault, person_id=person_id)
        with pytest.raises(Http404):
            person_dates(
                user=charlie.user, vault=charlie.vault, person_id=person_id, today=date(2026, 1, 1)
            )
        with pytest.raises(Http404):
            closeness_history(user=charlie.user, vault=charlie.vault, person_id=person_id)
