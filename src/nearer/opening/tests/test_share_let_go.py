from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.services import share_let_go, share_take_up
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_a_preparing_share_is_let_go_with_a_note(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    share_let_go(user=alice.user, vault=alice.vault, share_id=share.id, note=" not now ")
    stored, content = opened(alice, share.id)
    assert (stored.state, content.let_go_note) == (Share.State.LET_GO, "not now")


def test_a_shared_share_cannot_be_let_go(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    with pytest.raises(ValidationError):
        share_let_go(user=alice.user, vault=alice.vault, share_id=share.id)
    assert opened(alice, share.id)[0].state == Share.State.SHARED


def test_a_note_too_long_changes_nothing(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    with pytest.raises(ValidationError):
        share_let_go(user=alice.user, vault=alice.vault, share_id=share.id, note="x" * 5001)
    assert opened(alice, share.id)[0].state == Share.State.PREPARING


def test_a_let_go_share_can_be_taken_back_up(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], text="still mine")
    share_let_go(user=alice.user, vault=alice.vault, share_id=share.id)
    share_take_up(user=alice.user, vault=alice.vault, share_id=share.id)
    stored, content = opened(alice, share.id)
    assert (stored.state, content.text) == (Share.State.PREPARING, "still mine")
    with pytest.raises(ValidationError):
        share_take_up(user=alice.user, vault=alice.vault, share_id=share.id)
