from __future__ import annotations

import pytest
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.opening.models import Share
from nearer.opening.services import share_delete
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db


def test_it_deletes_the_share_and_keeps_its_moment(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    share_delete(user=alice.user, share_id=share.id)
    assert not Share.objects.exists()
    assert Moment.objects.filter(owner=alice.user).count() == 1


def test_a_share_of_someone_else_is_a_404_and_stays(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    with pytest.raises(Http404):
        share_delete(user=alice.user, share_id=theirs.id)
    assert Share.objects.filter(id=theirs.id).exists()
