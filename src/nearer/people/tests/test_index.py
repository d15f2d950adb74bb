from __future__ import annotations

import uuid

import pytest

from nearer.conftest import Person
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.index import index_drop, index_open, index_put, index_rebuild, summary_of
from nearer.people.models import PeopleIndex
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import people_index

pytestmark = pytest.mark.django_db


def _row(owner: Person, name: str, *, archived: bool = False) -> PersonRow:
    person_id = uuid.uuid4()
    details = PersonDetails(name=name, circle="inner", rhythm_days=7, too_long_days=14)
    row = PersonRow.objects.create(
        id=person_id,
        owner=owner.user,
        content=owner.vault.seal_json(PERSON_LABEL, person_id, details.as_json()),
    )
    if archived:
        from django.utils import timezone

        row.archived_at = timezone.now()
        row.save()
    return row


def test_it_builds_the_index_from_the_rows_when_there_is_none(alice: Person) -> None:
    row = _row(alice, "Maya")
    people = index_open(user=alice.user, vault=alice.vault)
    assert people[str(row.id)].name == "Maya"
    assert people[str(row.id)].rhythm_days == 7
    assert PeopleIndex.objects.filter(owner=alice.user).count() == 1


def test_it_keeps_a_put_and_a_drop(alice: Person) -> None:
    first = _row(alice, "Maya")
    index_rebuild(user=alice.user, vault=alice.vault)
    second = _row(alice, "Jonas")
    details = PersonDetails(name="Jonas", called="Jo", circle="wider")
    index_put(
        user=alice.user,
        vault=alice.vault,
        summaries=[summary_of(str(second.id), details, archived=False)],
    )
    people = index_open(user=alice.user, vault=alice.vault)
    assert people[str(second.id)].display_name == "Jo"
    index_drop(user=alice.user, vault=alice.vault, person_ids=[str(first.id)])
    assert list(index_open(user=alice.user, vault=alice.vault)) == [str(second.id)]


def test_it_rebuilds_an_index_that_will_not_open(alice: Person) -> None:
    row = _row(alice, "Maya")
    index_rebuild(user=alice.user, vault=alice.vault)
    PeopleIndex.objects.filter(owner=alice.user).update(content=b"not sealed")
    assert index_open(user=alice.user, vault=alice.vault)[str(row.id)].name == "Maya"


def test_it_never_shows_one_persons_people_to_another(alice: Person, charlie: Person) -> None:
    _row(alice, "Maya")
    assert people_index(user=charlie.user, vault=charlie.vault) == {}


def test_it_leaves_archived_people_out_unless_asked(alice: Person) -> None:
    kept = _row(alice, "Maya")
    gone = _row(alice, "Old friend", archived=True)
    assert list(people_index(user=alice.user, vault=alice.vault)) == [str(kept.id)]
    everyone = people_index(user=alice.user, vault=alice.vault, include_archived=True)
    assert everyone[str(gone.id)].archived
