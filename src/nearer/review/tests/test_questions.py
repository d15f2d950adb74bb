from __future__ import annotations

from datetime import date, timedelta

from nearer.review.questions import QUESTIONS, question_for


def test_there_are_at_least_twenty_distinct_questions() -> None:
    assert len(QUESTIONS) >= 20
    assert len({q.text for q in QUESTIONS}) == len(QUESTIONS)
    assert len({q.key for q in QUESTIONS}) == len(QUESTIONS)


def test_no_question_comes_back_within_a_cycle_of_weeks() -> None:
    for owner_id in (1, 2, 17):
        start = date(2026, 1, 5)
        asked = [
            question_for(owner_id=owner_id, start=start + timedelta(weeks=n)).key
            for n in range(len(QUESTIONS))
        ]
        assert len(set(asked)) == len(QUESTIONS)


def test_the_same_week_always_asks_the_same_question() -> None:
    start = date(2026, 11, 30)
    assert question_for(owner_id=3, start=start) == question_for(owner_id=3, start=start)
    assert question_for(owner_id=3, start=start) != question_for(
        owner_id=3, start=start + timedelta(weeks=1)
    )
