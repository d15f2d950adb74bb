"""Ending the space removes every ritual row of it at once (the pair cascades)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.moments.models import Moment
from nearer.rituals.deck_services import pair_session_start
from nearer.rituals.models import (
    CheckinPart,
    CheckinWeek,
    DailyAnswer,
    PairDeckSession,
    RitualSettings,
    SharedMoment,
)
from nearer.rituals.services import (
    checkin_day_set,
    checkin_prepare,
    daily_answer,
    shared_moment_log,
)
from nearer.rituals.tests.helpers import Paired
from nearer.together.services import pair_end

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MODELS = (DailyAnswer, RitualSettings, CheckinWeek, CheckinPart, SharedMoment, PairDeckSession)


def test_ending_deletes_every_ritual_row_and_keeps_ones_own_moments(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    space = paired.space(alice)
    daily_answer(user=alice.user, space=space, day=TODAY, today=TODAY, text="a")
    checkin_day_set(user=alice.user, space=space, weekday=1)
    checkin_prepare(user=alice.user, space=space, today=TODAY, fields={"wish": "w"})
    shared_moment_log(
        user=alice.user,
        vault=alice.vault,
        space=space,
        day=TODAY,
        today=TODAY,
        kinds=["emotional"],
        note="kept in alice's own moments",
    )
    pair_session_start(user=bob.user, space=paired.space(bob), length=10)
    assert all(model.objects.exists() for model in MODELS)
    pair_end(user=bob.user)
    assert not any(model.objects.exists() for model in MODELS)
    # What came into one's own moments is one's own, and stays.
    assert Moment.objects.filter(owner=alice.user).count() == 1
    assert alice.client.get("/together/rituals/question/")["Location"] == "/together/"
