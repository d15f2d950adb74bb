"""What opening up did, kept (``opening.summary``): the page's numbers as one value
that follows its sources, and is never trusted once they have moved on."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

import pytest

from nearer.conftest import Person
from nearer.decks.depth import depth_session_ended
from nearer.moments.openness import OPENNESS
from nearer.moments.services import moment_create
from nearer.opening.felt import FELT
from nearer.opening.services import share_reflect
from nearer.opening.summary import summary_from_sources
from nearer.opening.summary_kept import SUMMARY, _from_kept, fingerprint, summary_for
from nearer.opening.tests.conftest import AddPerson, AddShare
from nearer.people.index import INDEX, PeopleRows
from nearer.vault.derived import derived_opened, derived_read_many
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
ANSWERS = ("me", "them", "both", "neither")


def _stored(owner: Person) -> dict[str, Any] | None:
    row = DerivedValue.objects.filter(owner=owner.user, kind=SUMMARY.name).first()
    if row is None:
        return None
    return derived_opened(
        SUMMARY, vault=owner.vault, subject=WHOLE_ACCOUNT, version=row.version, content=row.content
    )


def _history(owner: Person, add_person: AddPerson, add_share: AddShare) -> None:
    """Seven people with moments over four years (two wait in "everyone else"), a
    share reflected on and a deck depth."""
    people = [add_person(owner, name=f"Quillon Person {n}") for n in range(7)]
    for number, person in enumerate(people):
        for count in range(number + 1):
            moment_create(
                user=owner.user,
                vault=owner.vault,
                occurred_on=date(2021 + count % 4, 1 + count % 12, 3),
                person_ids=[person.id],
                how="call",
                opened_up=ANSWERS[(number + count) % 4],
            )
    share = add_share(owner, [people[0]], anxiety_before=8, shared_on=date(2024, 5, 1))
    share_reflect(
        user=owner.user,
        vault=owner.vault,
        share_id=share.id,
        reception=["listened"],
        reception_note="",
        anxiety_after=3,
        closeness_after=None,
        reciprocated="no",
        today=date(2024, 5, 2),
    )
    depth_session_ended(user=owner.user, vault=owner.vault, person_id=people[6].id, deepest=3)


def test_the_kept_numbers_follow_every_write_and_give_the_page_the_sources_give(
    alice: Person,
    add_person: AddPerson,
    add_share: AddShare,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _history(alice, add_person, add_share)
    kept = _stored(alice)
    assert kept is not None, "the writes rebuilt the kept value after they committed"
    assert kept["f"] == fingerprint(alice.user.pk)
    rows, _ = derived_read_many((INDEX, SUMMARY), user=alice.user, vault=alice.vault)
    from_kept = _from_kept(kept, PeopleRows(rows))
    assert from_kept is not None
    expected = summary_from_sources(user=alice.user, vault=alice.vault)
    assert from_kept == expected
    assert len(expected.reciprocity.others) == 2 and expected.felt is not None
    assert [one.name for one in expected.depths] == ["Quillon Person 6"]


def test_a_moment_logged_since_shows_at_once_though_the_kept_value_is_behind(
    alice: Person,
    add_person: AddPerson,
    add_share: AddShare,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _history(alice, add_person, add_share)
    before = summary_for(user=alice.user, vault=alice.vault).reciprocity.overall.moments
    person = add_person(alice, name="Quillon Newcomer")
    # Not executed: the kept value is now behind who opened up.
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        moment_create(
            user=alice.user,
            vault=alice.vault,
            occurred_on=date(2024, 7, 1),
            person_ids=[person.id],
            how="call",
            opened_up="both",
        )
    assert waiting, "the write asked for the kept value to be rebuilt"
    kept = _stored(alice)
    assert kept is not None and kept["f"] != fingerprint(alice.user.pk)
    assert summary_for(user=alice.user, vault=alice.vault).reciprocity.overall.moments == (
        before + 1
    )
    for callback in waiting:
        callback()
    kept = _stored(alice)
    assert kept is not None and kept["f"] == fingerprint(alice.user.pk)
    assert kept["om"] == before + 1


def test_a_reflected_share_deleted_without_a_vault_makes_the_kept_value_old(
    alice: Person,
    add_person: AddPerson,
    add_share: AddShare,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _history(alice, add_person, add_share)
    assert summary_for(user=alice.user, vault=alice.vault).felt is not None
    from nearer.opening.models import Share
    from nearer.opening.services import share_delete

    share_delete(user=alice.user, share_id=Share.objects.get(owner=alice.user).id)
    assert summary_for(user=alice.user, vault=alice.vault).felt is None


def test_several_derived_values_are_read_in_one_query(
    alice: Person, add_person: AddPerson, django_assert_num_queries: Any
) -> None:
    add_person(alice, name="Quillon Reader")
    with django_assert_num_queries(1):
        rows, felt, openness = derived_read_many(
            (INDEX, FELT, OPENNESS), user=alice.user, vault=alice.vault
        )
    assert [row[0] for row in rows.values()] == ["Quillon Reader"]
    assert felt == {} and openness.person_ids() == []


def test_many_moments_in_one_transaction_ask_for_one_rebuild(
    alice: Person, add_person: AddPerson, django_capture_on_commit_callbacks: Capture
) -> None:
    # An import of thousands of moments in one transaction queued a rebuild each.
    from django.db import transaction

    person = add_person(alice, name="Quillon Importer")
    with django_capture_on_commit_callbacks(execute=False) as waiting, transaction.atomic():
        for day in range(1, 6):
            moment_create(
                user=alice.user,
                vault=alice.vault,
                occurred_on=date(2024, 3, day),
                person_ids=[person.id],
                how="call",
                opened_up="me",
            )
    rebuilds = [callback for callback in waiting if "opening.summary" in repr(callback)]
    assert len(rebuilds) == 1
    rebuilds[0]()
    kept = _stored(alice)
    assert kept is not None and kept["om"] == 5 and kept["f"] == fingerprint(alice.user.pk)
