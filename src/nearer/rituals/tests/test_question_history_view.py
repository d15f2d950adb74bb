from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.rituals.tests.helpers import Paired, answer_row

pytestmark = pytest.mark.django_db

URL = "/together/rituals/question/earlier/"
TODAY = timezone.localdate()


def test_it_shows_both_answers_of_days_both_answered_and_mine_alone(paired: Paired) -> None:
    space = paired.space(paired.alice)
    answer_row(space, paired.alice, TODAY - timedelta(days=1), "alice said puffinquill")
    answer_row(space, paired.bob, TODAY - timedelta(days=1), "bob said gannetmoss")
    answer_row(space, paired.alice, TODAY - timedelta(days=2), "alice alone kittiwake")
    answer_row(space, paired.bob, TODAY - timedelta(days=3), "bob alone fulmarjam")
    page = paired.alice.client.get(URL).content.decode()
    assert "puffinquill" in page and "gannetmoss" in page
    assert "kittiwake" in page and "Only you answered this one." in page
    # A day only the partner answered is not shown: their answer stays theirs.
    assert "fulmarjam" not in page


def test_it_pages_and_refuses_a_page_past_the_last(paired: Paired) -> None:
    space = paired.space(paired.alice)
    for back in range(1, 23):
        answer_row(space, paired.alice, TODAY - timedelta(days=back), f"day {back}")
    first = paired.alice.client.get(URL).content.decode()
    assert "Page 1" in first and 'href="?page=2">Older' in first
    second = paired.alice.client.get(URL + "?page=2").content.decode()
    assert "day 22" in second and "Older" not in second
    for page in ("3", "0", "x", "99999999999"):
        assert paired.alice.client.get(URL + f"?page={page}").status_code == 404


def test_with_nothing_yet_it_says_where_answers_will_be(paired: Paired) -> None:
    page = paired.alice.client.get(URL).content.decode()
    assert "Questions you answered on earlier days will be here." in page
