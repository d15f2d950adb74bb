"""Many check-ins at once (imports): each checked, all saved or none."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.checkins.services import CheckInDraft, checkins_create_many
from nearer.conftest import Person

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Europe/Berlin")


def test_it_saves_every_check_in_with_its_day_and_time(alice: Person) -> None:
    drafts = [
        CheckInDraft(
            when=datetime(2024, 3, 15, 23, 30, tzinfo=ZONE),
            pleasantness=2,
            energy=0,
            emotion="joyful",
            tags=("friends", "Friends"),
            note="Bulknoteword",
        ),
        CheckInDraft(
            when=datetime(2024, 3, 16, 8, 0, tzinfo=ZONE),
            pleasantness=-1,
            energy=0,
            emotion="down",
        ),
    ]
    assert checkins_create_many(user=alice.user, vault=alice.vault, checkins=drafts) == 2
    first = CheckIn.objects.get(owner=alice.user, local_date="2024-03-15")
    content = content_open(alice.vault, first.id, first.content)
    assert (content.time, content.tags, content.note) == ("23:30", ("friends",), "Bulknoteword")
    assert first.at.isoformat() == "2024-03-15T22:30:00+00:00"


def test_one_bad_check_in_saves_none(alice: Person) -> None:
    good = CheckInDraft(
        when=datetime(2024, 3, 15, 9, 0, tzinfo=ZONE), pleasantness=1, energy=0, emotion="calm"
    )
    bad = CheckInDraft(
        when=datetime(2024, 3, 15, 10, 0, tzinfo=ZONE), pleasantness=-2, energy=0, emotion="joyful"
    )
    with pytest.raises(ValidationError):
        checkins_create_many(user=alice.user, vault=alice.vault, checkins=[good, bad])
    assert not CheckIn.objects.exists()


def test_a_naive_time_is_a_programming_error(alice: Person) -> None:
    naive = CheckInDraft(
        when=datetime(2024, 3, 15, 9, 0),  # naive on purpose: the point of the test
        pleasantness=0,
        energy=0,
        emotion="calm",
    )
    with pytest.raises(ValueError, match="aware"):
        checkins_create_many(user=alice.user, vault=alice.vault, checkins=[naive])
