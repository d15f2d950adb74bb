from __future__ import annotations

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import people_index, people_list
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_archives_and_restores_keeping_everything(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, notes="Keep me")
    services.person_archive(user=alice.user, vault=alice.vault, person_id=row.id)
    assert PersonRow.objects.get(id=row.id).archived_at is not None
    assert str(row.id) not in people_index(user=alice.user, vault=alice.vault)
    assert [p.id for p in people_list(user=alice.user, vault=alice.vault, archived=True)] == [
        str(row.id)
    ]
    services.person_restore(user=alice.user, vault=alice.vault, person_id=row.id)
    assert PersonRow.objects.get(id=row.id).archived_at is None
    assert str(row.id) in people_index(user=alice.user, vault=alice.vault)


def test_archiving_twice_keeps_the_first_time(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    first = services.person_archive(user=alice.user, vault=alice.vault, person_id=row.id)
    again = services.person_archive(user=alice.user, vault=alice.vault, person_id=row.id)
    assert again.archived_at == first.archived_at


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    with pytest.raises(Http404):
        services.person_archive(user=charlie.user, vault=charlie.vault, person_id=row.id)
    with pytest.raises(Http404):
        services.person_restore(user=charlie.user, vault=charlie.vault, person_id=row.id)
    assert PersonRow.objects.get(id=row.id).archived_at is None
