from __future__ import annotations

import pytest
from django.http import Http404

from nearer.checkins.models import CheckIn
from nearer.checkins.services import checkin_delete
from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def test_it_deletes_for_good(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    checkin_delete(user=alice.user, checkin_id=saved.id)
    assert not CheckIn.objects.exists()


def test_a_stranger_cannot_delete_it(
    alice: Person, charlie: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice)
    with pytest.raises(Http404):
        checkin_delete(user=charlie.user, checkin_id=saved.id)
    assert CheckIn.objects.filter(id=saved.id).exists()
