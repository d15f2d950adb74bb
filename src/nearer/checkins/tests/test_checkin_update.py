from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.checkins.services import checkin_update
from nearer.checkins.tests.conftest import CheckInMaker, PeopleMaker
from nearer.conftest import Person


def _update(person: Person, checkin_id: uuid.UUID, **fields: object) -> CheckIn:
    values: dict[str, object] = {"pleasantness": -1, "energy": 1, "emotion": "nervous"}
    values.update(fields)
    return checkin_update(user=person.user, vault=person.vault, checkin_id=checkin_id, **values)  # type: ignore[arg-type]


def test_it_changes_what_was_said_and_keeps_when(
    alice: Person, check_in: CheckInMaker, people: PeopleMaker
) -> None:
    sam = people.add(alice, "Sam", archived=True)  # archived people may still be named
    saved = check_in(alice)
    _update(alice, saved.id, people=[sam], note="Later: a call helped")
    row = CheckIn.objects.get(id=saved.id)
    opened = content_open(alice.vault, row.id, row.content)
    assert opened.emotion == "nervous" and opened.people == (sam,)
    assert opened.time == "09:30"
    assert (row.at, row.local_date) == (saved.at, saved.local_date)


def test_bad_values_change_nothing(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    with pytest.raises(ValidationError):
        _update(alice, saved.id, emotion="calm")  # does not fit -1/+1
    assert CheckIn.objects.get(id=saved.id).content == saved.content


def test_a_stranger_cannot_change_it(
    alice: Person, charlie: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice)
    with pytest.raises(Http404):
        _update(charlie, saved.id)
    assert CheckIn.objects.get(id=saved.id).content == saved.content


def test_an_unreadable_check_in_is_not_changed(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    broken = bytearray(saved.content)
    broken[-1] ^= 1
    CheckIn.objects.filter(id=saved.id).update(content=bytes(broken))
    with pytest.raises(ValidationError, match="could not be opened"):
        _update(alice, saved.id)
