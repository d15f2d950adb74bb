"""The sealed people index: it follows the person rows through every service, is
worked out from the rows (and nothing written) when missing, unreadable or old,
and belongs to one person."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from django.test import Client

from nearer.conftest import Person
from nearer.people import services
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.index import INDEX, index_drop, index_open, index_put, summary_of
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import people_index
from nearer.people.tests.conftest import AddPerson
from nearer.vault.derived import derived_refresh
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import DAMAGES, Damage, damage, stored

pytestmark = pytest.mark.django_db


def _row(owner: Person, name: str, *, archived: bool = False) -> PersonRow:
    """A person row made without the services (as an import of old data would)."""
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
    # Rows written past the services leave the index behind them: drop it, as an
    # upgrade does, so readers work it out from the rows.
    DerivedValue.objects.filter(owner=owner.user, kind=INDEX.name).delete()
    return row


def _names(owner: Person) -> dict[str, str] | None:
    """The stored index as id -> name, or None when no stored index opens."""
    rows = stored(owner, INDEX)
    return None if rows is None else {key: row[0] for key, row in rows.items()}


def test_it_follows_every_service_that_changes_a_person(
    alice: Person, add_person: AddPerson
) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    assert _names(alice) == {str(maya.id): "Maya Lindqvist"}
    services.person_update(
        user=alice.user,
        vault=alice.vault,
        person_id=maya.id,
        details=PersonDetails(name="Maya Berg", circle="close"),
    )
    assert _names(alice) == {str(maya.id): "Maya Berg"}
    (jonas, ana) = services.people_create_many(
        user=alice.user,
        vault=alice.vault,
        people=[
            (PersonDetails(name="Jonas Quillfeather"), ()),
            (PersonDetails(name="Ana Ruiz"), ()),
        ],
    )
    assert _names(alice) == {
        str(maya.id): "Maya Berg",
        str(jonas.id): "Jonas Quillfeather",
        str(ana.id): "Ana Ruiz",
    }
    services.person_archive(user=alice.user, vault=alice.vault, person_id=jonas.id)
    rows = stored(alice, INDEX)
    assert rows is not None and rows[str(jonas.id)][7] is True
    services.person_restore(user=alice.user, vault=alice.vault, person_id=jonas.id)
    rows = stored(alice, INDEX)
    assert rows is not None and rows[str(jonas.id)][7] is False
    services.person_delete(user=alice.user, vault=alice.vault, person_id=ana.id)
    assert _names(alice) == {str(maya.id): "Maya Berg", str(jonas.id): "Jonas Quillfeather"}
    assert DerivedValue.objects.filter(owner=alice.user, kind=INDEX.name).count() == 1


def test_a_put_and_a_drop_change_only_what_they_name(alice: Person) -> None:
    first, second = _row(alice, "Maya Lindqvist"), _row(alice, "Jonas Quillfeather")
    derived_refresh(user=alice.user, vault=alice.vault)
    details = PersonDetails(name="Jonas Quillfeather", called="Jo", circle="wider")
    index_put(
        user=alice.user,
        vault=alice.vault,
        summaries=[summary_of(str(second.id), details, archived=False)],
    )
    people = index_open(user=alice.user, vault=alice.vault)
    assert people[str(second.id)].display_name == "Jo"
    index_drop(user=alice.user, vault=alice.vault, person_ids=[str(first.id)])
    assert list(index_open(user=alice.user, vault=alice.vault)) == [str(second.id)]


@pytest.mark.parametrize("how", DAMAGES)
def test_a_reader_works_it_out_from_the_rows_and_writes_nothing(
    alice: Person, add_person: AddPerson, how: Damage
) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    damage(alice, INDEX, how)
    before = list(DerivedValue.objects.filter(owner=alice.user).values_list("version", "content"))
    assert index_open(user=alice.user, vault=alice.vault)[str(maya.id)].name == "Maya Lindqvist"
    after = list(DerivedValue.objects.filter(owner=alice.user).values_list("version", "content"))
    assert after == before


@pytest.mark.parametrize("how", DAMAGES)
def test_the_refresh_at_login_rebuilds_it(
    alice: Person, add_person: AddPerson, how: Damage
) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    damage(alice, INDEX, how)
    assert _names(alice) is None
    response = Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 302
    assert _names(alice) == {str(maya.id): "Maya Lindqvist"}


@pytest.mark.parametrize("how", DAMAGES)
def test_a_change_on_top_of_a_damaged_index_builds_it_from_the_rows(
    alice: Person, add_person: AddPerson, how: Damage
) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    damage(alice, INDEX, how)
    jonas = add_person(alice, name="Jonas Quillfeather")
    assert _names(alice) == {str(maya.id): "Maya Lindqvist", str(jonas.id): "Jonas Quillfeather"}


def test_another_persons_index_does_not_open_as_ones_own(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    add_person(charlie, name="Theo Quillfeather")
    theirs = DerivedValue.objects.get(owner=charlie.user, kind=INDEX.name)
    DerivedValue.objects.filter(owner=alice.user, kind=INDEX.name).update(content=theirs.content)
    assert _names(alice) is None
    assert list(index_open(user=alice.user, vault=alice.vault)) == [str(maya.id)]


def test_it_never_shows_one_persons_people_to_another(alice: Person, charlie: Person) -> None:
    _row(alice, "Maya Lindqvist")
    assert people_index(user=charlie.user, vault=charlie.vault) == {}


def test_it_leaves_archived_people_out_unless_asked(alice: Person) -> None:
    kept = _row(alice, "Maya Lindqvist")
    gone = _row(alice, "Old friend", archived=True)
    assert list(people_index(user=alice.user, vault=alice.vault)) == [str(kept.id)]
    everyone = people_index(user=alice.user, vault=alice.vault, include_archived=True)
    assert everyone[str(gone.id)].archived


@pytest.mark.django_db(transaction=True)
def test_two_first_people_saved_at_once_are_both_in_the_index() -> None:
    # A new account without an index: both services find none and build it from the
    # rows, each seeing only its own new person; the lock on the claimed row makes
    # the second wait and add its person to what the first wrote, so none is lost.
    from django.db import connection

    from nearer.accounts.services import user_sign_up
    from nearer.vault import derived
    from nearer.vault.box import Vault
    from nearer.vault.tests.derived_helpers import at_once

    new = user_sign_up(username="newcomer", password="correct horse battery staple")

    def create(name: str) -> Callable[[], object]:
        return lambda: services.person_create(
            user=new.user,
            vault=Vault(user_id=new.user.pk, dek=new.dek),
            details=PersonDetails(name=name),
        )

    # On SQLite a write transaction waits for the other at its start (BEGIN
    # IMMEDIATE), so the barrier goes before the services; on PostgreSQL it goes
    # inside, just before the index is claimed, after each has saved its person.
    before = (derived, "_claim") if connection.vendor == "postgresql" else None
    errors = at_once([create("Maya Quillfeather"), create("Jonas Quillfeather")], before=before)
    assert errors == []
    index = DerivedValue.objects.get(owner=new.user, kind=INDEX.name)
    opened = INDEX.decode(
        Vault(user_id=new.user.pk, dek=new.dek).open_json(
            INDEX.label, index.subject, bytes(index.content)
        )
    )
    assert sorted(row[0] for row in opened.values()) == ["Jonas Quillfeather", "Maya Quillfeather"]
