from __future__ import annotations

import uuid
from datetime import date, timedelta

from nearer.decks.catalogue import DEPTH_LABELS, OPT_IN_THEMES, THEME_LABELS
from nearer.rituals.questions import QUESTION_BY_ID, QUESTIONS, question_for


def test_there_are_at_least_120_questions_each_once() -> None:
    assert len(QUESTIONS) >= 120
    assert len(QUESTION_BY_ID) == len(QUESTIONS)
    assert len({question.text for question in QUESTIONS}) == len(QUESTIONS)


def test_every_question_is_tagged_with_a_deck_theme_and_depth_not_opt_in() -> None:
    for question in QUESTIONS:
        assert question.theme in THEME_LABELS
        assert question.theme not in OPT_IN_THEMES
        assert question.depth in DEPTH_LABELS
        assert question.id.startswith(f"{question.theme}-{question.depth}-")
    assert {question.depth for question in QUESTIONS} == set(DEPTH_LABELS)


def test_no_question_comes_back_within_120_days_over_400_days() -> None:
    for seed in range(5):
        pair_id = uuid.UUID(int=seed * 7919 + 1)
        start = date(2026, 1, 1)
        asked = [
            question_for(pair_id=pair_id, day=start + timedelta(days=n)).id for n in range(400)
        ]
        for index in range(len(asked) - 119):
            window = asked[index : index + 120]
            assert len(set(window)) == 120, (seed, index)


def test_the_same_pair_gets_the_same_question_and_another_pair_another_order() -> None:
    day = date(2026, 12, 2)
    first, second = uuid.uuid4(), uuid.uuid4()
    assert question_for(pair_id=first, day=day) == question_for(
        pair_id=uuid.UUID(str(first)), day=day
    )
    orders = [
        [question_for(pair_id=pair_id, day=day + timedelta(days=n)).id for n in range(30)]
        for pair_id in (first, second)
    ]
    assert orders[0] != orders[1]
