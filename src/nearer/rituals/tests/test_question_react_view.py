from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.rituals.content import answer_open
from nearer.rituals.models import DailyAnswer
from nearer.rituals.services import daily_answer
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

URL = "/together/rituals/question/react/"
TODAY = timezone.localdate()


def answer(paired: Paired, who: Person, text: str) -> None:
    daily_answer(user=who.user, space=paired.space(who), day=TODAY, today=TODAY, text=text)


def test_it_keeps_a_reaction_and_reply_once_both_answered(paired: Paired) -> None:
    answer(paired, paired.alice, "a")
    answer(paired, paired.bob, "b")
    response = paired.alice.client.post(
        URL, {"day": TODAY.isoformat(), "reaction": "same", "reply": "quite so"}
    )
    assert response.status_code == 302
    row = DailyAnswer.objects.get(author=paired.alice.user)
    opened = answer_open(paired.space(paired.alice).box, row.id, row.content)
    assert (opened.reaction, opened.reply) == ("same", "quite so")
    assert "quite so" in paired.bob.client.get("/together/rituals/question/").content.decode()


def test_before_both_answered_it_says_so_and_keeps_nothing(paired: Paired) -> None:
    answer(paired, paired.alice, "a")
    response = paired.alice.client.post(URL, {"day": TODAY.isoformat(), "reaction": "warm"})
    assert response.status_code == 400
    assert "You can react once you have both answered." in response.content.decode()


def test_a_reaction_not_offered_is_refused(paired: Paired) -> None:
    answer(paired, paired.alice, "a")
    answer(paired, paired.bob, "b")
    response = paired.alice.client.post(URL, {"day": TODAY.isoformat(), "reaction": "meh"})
    assert response.status_code == 400
    assert "Choose a reaction from the list." in response.content.decode()
