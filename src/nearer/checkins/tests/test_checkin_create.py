from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.services import preferences_update
from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.checkins.services import checkin_create
from nearer.checkins.tests.conftest import CheckInMaker, PeopleMaker
from nearer.conftest import Person


def test_it_seals_everything_rated_or_written(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(
        alice, pleasantness=2, energy=2, emotion="joyful", tags="sun, Sun, #walk", note="A good day"
    )
    row = CheckIn.objects.get(id=saved.id)
    opened = content_open(alice.vault, row.id, row.content)
    assert (opened.pleasantness, opened.energy, opened.emotion) == (2, 2, "joyful")
    assert opened.tags == ("sun", "walk")
    assert opened.note == "A good day"
    assert b"joyful" not in bytes(row.content)
    assert b"A good day" not in bytes(row.content)


def test_it_files_a_check_in_under_the_persons_own_day(
    alice: Person, check_in: CheckInMaker
) -> None:
    # 23:30 in Auckland is still the morning before in UTC.
    late = datetime(2026, 5, 14, 23, 30, tzinfo=timezone(timedelta(hours=12)))
    saved = check_in(alice, when=late)
    assert str(saved.local_date) == "2026-05-14"
    assert saved.at == datetime(2026, 5, 14, 11, 30, tzinfo=UTC)
    assert content_open(alice.vault, saved.id, saved.content).time == "23:30"


def test_it_uses_the_time_zone_of_the_preferences_by_default(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, time_zone="Pacific/Kiritimati")
    saved = checkin_create(
        user=alice.user, vault=alice.vault, pleasantness=0, energy=0, emotion="bored"
    )
    from zoneinfo import ZoneInfo

    assert saved.local_date == datetime.now(ZoneInfo("Pacific/Kiritimati")).date()


def test_several_check_ins_a_day_are_kept(alice: Person, check_in: CheckInMaker) -> None:
    check_in(alice)
    check_in(alice, emotion="tired", pleasantness=-1)
    assert CheckIn.objects.filter(owner=alice.user).count() == 2


def test_it_names_only_the_persons_own_people(
    alice: Person, bob: Person, people: PeopleMaker, check_in: CheckInMaker
) -> None:
    sam = people.add(alice, "Sam")
    bobs_friend = people.add(bob, "Kim")
    saved = check_in(alice, people=[sam, sam])
    assert content_open(alice.vault, saved.id, saved.content).people == (sam,)
    with pytest.raises(ValidationError) as caught:
        check_in(alice, people=[bobs_friend])
    assert "people" in caught.value.message_dict
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"pleasantness": 3}, "pleasantness"),
        ({"energy": -7}, "energy"),
        ({"emotion": "made-up"}, "emotion"),
        ({"emotion": "angry"}, "emotion"),  # calm's rating, an unpleasant word
        ({"people": ["not an id"]}, "people"),
        ({"tags": ["x" * 41]}, "tags"),
        ({"note": "x" * 2001}, "note"),
    ],
)
def test_bad_values_save_nothing(
    alice: Person, check_in: CheckInMaker, fields: dict[str, object], bad: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_in(alice, **fields)
    assert bad in caught.value.message_dict
    assert not CheckIn.objects.exists()


def test_a_retry_with_the_same_id_saves_one(alice: Person, check_in: CheckInMaker) -> None:
    the_id = uuid.uuid4()
    first = check_in(alice, checkin_id=the_id)
    again = check_in(alice, checkin_id=the_id, emotion="content")
    assert first.id == again.id == the_id
    assert CheckIn.objects.count() == 1


def test_someone_elses_id_is_not_reused(alice: Person, bob: Person, check_in: CheckInMaker) -> None:
    bobs = check_in(bob)
    mine = check_in(alice, checkin_id=bobs.id)
    assert mine.id != bobs.id
    assert mine.owner_id == alice.user.pk


def test_it_refuses_another_persons_vault(alice: Person, bob: Person) -> None:
    with pytest.raises(ValueError, match="vault"):
        checkin_create(
            user=alice.user, vault=bob.vault, pleasantness=1, energy=1, emotion="cheerful"
        )
