from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import people_named
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_opens_only_the_people_asked_for_and_only_the_owners(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana, ben = add_person(alice, name="Ana", called="Annie"), add_person(alice, name="Ben")
    add_person(alice, name="Cleo")
    theirs = add_person(charlie, name="Dan")
    services.person_archive(user=alice.user, vault=alice.vault, person_id=ben.id)
    found = people_named(
        user=alice.user, vault=alice.vault, person_ids=[str(ana.id), str(ben.id), str(theirs.id)]
    )
    assert set(found) == {str(ana.id), str(ben.id)}
    assert found[str(ana.id)].display_name == "Annie" and not found[str(ana.id)].archived
    assert found[str(ben.id)].archived
    assert people_named(user=alice.user, vault=alice.vault, person_ids=[]) == {}


def test_someone_who_will_not_open_is_named_as_such(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana")
    PersonRow.objects.filter(id=ana.id).update(content=b"tampered")
    found = people_named(user=alice.user, vault=alice.vault, person_ids=[str(ana.id)])
    assert "could not be opened" in found[str(ana.id)].display_name
