from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.rituals.content import MAX_ANSWER
from nearer.rituals.models import DailyAnswer
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

URL = "/together/rituals/question/answer/"


def test_it_keeps_the_answer_and_goes_back_to_the_question(paired: Paired) -> None:
    day = timezone.localdate().isoformat()
    response = paired.alice.client.post(URL, {"day": day, "answer": "the heron again"})
    assert response.status_code == 302
    assert response["Location"] == "/together/rituals/question/"
    assert DailyAnswer.objects.get().author == paired.alice.user


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer": ""}, "Write a few words to answer."),
        ({"answer": "x" * (MAX_ANSWER + 1)}, f"Please keep it to {MAX_ANSWER} characters."),
        ({"answer": "fine", "day": "2001-01-01"}, "can no longer be answered here"),
        ({"answer": "fine", "day": "not a day"}, "Enter a valid date."),
    ],
)
def test_a_bad_answer_is_a_clear_message_and_saves_nothing(
    paired: Paired, data: dict[str, str], message: str
) -> None:
    data = {"day": timezone.localdate().isoformat(), **data}
    response = paired.alice.client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DailyAnswer.objects.exists()


def test_yesterdays_question_left_open_past_midnight_is_kept(paired: Paired) -> None:
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert paired.alice.client.post(URL, {"day": day, "answer": "late"}).status_code == 302


def test_a_get_is_refused(paired: Paired) -> None:
    assert paired.alice.client.get(URL).status_code == 405
