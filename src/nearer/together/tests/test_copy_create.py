"""copy_create: a check-in or a reflection shared as a copy; only one's own items."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.utils import timezone

from nearer.checkins.services import checkin_create
from nearer.conftest import Person
from nearer.together.sharing import copies_for, copy_create, copy_of_item
from nearer.together.space import space_open
from nearer.together.tests.helpers import pair_up


def test_a_checkin_is_shared_with_its_feeling_and_note(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    checkin = checkin_create(
        user=alice.user,
        vault=alice.vault,
        pleasantness=1,
        energy=-1,
        emotion="calm",
        note="Porchlight evening",
    )
    copy_create(user=alice.user, vault=alice.vault, kind="checkin", item_id=checkin.id)
    space = space_open(user=bob.user, vault=bob.vault)
    assert space is not None
    [seen] = copies_for(user=bob.user, space=space)
    assert seen.title.startswith("Feeling calm")
    assert seen.text == "Porchlight evening"
    assert not seen.mine


def test_sharing_again_replaces_the_copy(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    checkin = checkin_create(
        user=alice.user, vault=alice.vault, pleasantness=1, energy=-1, emotion="calm"
    )
    copy_create(user=alice.user, vault=alice.vault, kind="checkin", item_id=checkin.id)
    second = copy_create(user=alice.user, vault=alice.vault, kind="checkin", item_id=checkin.id)
    space = space_open(user=alice.user, vault=alice.vault)
    assert space is not None
    assert [c.id for c in copies_for(user=alice.user, space=space)] == [second.id]
    assert copy_of_item(user=alice.user, space=space, kind="checkin", item_id=checkin.id) == (
        second.id
    )


def test_a_reflection_is_shared_without_the_names_of_ones_people(
    alice: Person, bob: Person
) -> None:
    from nearer.opening.services import share_mark_shared, share_prepare, share_reflect
    from nearer.people.content import PersonDetails
    from nearer.people.services import person_create

    pair_up(alice, bob)
    today = timezone.localdate()
    someone = person_create(
        user=alice.user, vault=alice.vault, details=PersonDetails(name="Hollis Verrant")
    )
    share = share_prepare(
        user=alice.user,
        vault=alice.vault,
        text="About the move",
        person_ids=[someone.id],
        fear="",
        hope="",
        anxiety_before=5,
    )
    share_mark_shared(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        shared_on=today,
        how="call",
        today=today,
    )
    share_reflect(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        reception=["kind"],
        reception_note="It went gently",
        anxiety_after=2,
        closeness_after=None,
        reciprocated="",
        today=today,
    )
    copy_create(user=alice.user, vault=alice.vault, kind="reflection", item_id=share.id)
    space = space_open(user=bob.user, vault=bob.vault)
    assert space is not None
    [seen] = copies_for(user=bob.user, space=space)
    assert "About the move" in seen.text and "It went gently" in seen.text
    assert "Hollis" not in seen.text + seen.title


def test_another_persons_item_is_a_404(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    theirs = checkin_create(
        user=bob.user, vault=bob.vault, pleasantness=1, energy=-1, emotion="calm"
    )
    with pytest.raises(Http404):
        copy_create(user=alice.user, vault=alice.vault, kind="checkin", item_id=theirs.id)
