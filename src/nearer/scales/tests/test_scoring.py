"""Scoring exactly as published: every boundary, the reversed items, any answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nearer.scales.instruments import PSS4, SCALES, UCLA3, WHO5, Scale
from nearer.scales.scoring import (
    InvalidAnswers,
    change,
    help_level,
    reading,
    score,
    shown_score,
    total_or_none,
    who5_percentage,
)


@pytest.mark.parametrize(
    ("answers", "raw", "percent"),
    [
        ([0, 0, 0, 0, 0], 0, 0),
        ([5, 5, 5, 5, 5], 25, 100),
        ([1, 1, 2, 2, 1], 7, 28),
        ([2, 2, 2, 1, 1], 8, 32),
        ([3, 3, 2, 2, 2], 12, 48),
        ([3, 3, 3, 2, 2], 13, 52),
    ],
)
def test_it_scores_the_who5_raw_and_as_a_percentage(
    answers: list[int], raw: int, percent: int
) -> None:
    assert score(WHO5, answers) == raw
    assert who5_percentage(raw) == percent
    assert shown_score(WHO5, raw) == percent


@pytest.mark.parametrize(
    ("raw", "level"),
    [(0, "clear"), (7, "clear"), (8, "gentle"), (12, "gentle"), (13, "none"), (25, "none")],
)
def test_it_leads_who5_to_help_below_13_and_clearly_at_28_percent_or_lower(
    raw: int, level: str
) -> None:
    assert help_level(WHO5, raw) == level


def test_it_reverses_pss4_items_2_and_3() -> None:
    # Items 1 and 4 count as answered, items 2 and 3 as 4 - answer.
    assert score(PSS4, [0, 4, 4, 0]) == 0
    assert score(PSS4, [4, 0, 0, 4]) == 16
    assert score(PSS4, [0, 0, 0, 0]) == 8
    assert score(PSS4, [4, 4, 4, 4]) == 8
    assert score(PSS4, [1, 3, 2, 0]) == 1 + 1 + 2 + 0
    assert [item.number for item in PSS4.items if item.reverse] == [2, 3]


def test_pss4_never_leads_to_help_or_a_label() -> None:
    for total in range(0, 17):
        assert help_level(PSS4, total) == "none"
    assert "no published cut-off" in reading(PSS4, 16)


@pytest.mark.parametrize(
    ("answers", "total", "level"),
    [
        ([1, 1, 1], 3, "none"),
        ([2, 2, 1], 5, "none"),
        ([2, 2, 2], 6, "gentle"),
        ([3, 3, 3], 9, "gentle"),
    ],
)
def test_it_scores_ucla3_from_3_to_9_and_reads_6_or_more_as_often_loneliness(
    answers: list[int], total: int, level: str
) -> None:
    assert score(UCLA3, answers) == total
    assert help_level(UCLA3, total) == level
    assert (
        "in studies, scores of 6 or more are often read as loneliness"
        in reading(UCLA3, total).lower()
    )


def test_readings_never_say_you_are() -> None:
    for scale in SCALES:
        for total in range(scale.min_score, scale.max_score + 1):
            text = reading(scale, total).lower()
            assert "you are lonely" not in text and "you have depression" not in text


def test_a_who5_change_of_10_points_is_meaningful() -> None:
    assert change(WHO5, 10, 12).meaningful is False  # 40 -> 48
    assert change(WHO5, 10, 13).meaningful is True  # 40 -> 52
    assert change(WHO5, 15, 12).meaningful is True  # 60 -> 48
    moved = change(WHO5, 7, 20)
    assert (moved.before, moved.after, moved.size, moved.direction) == (28, 80, 52, "up")
    assert change(UCLA3, 3, 9).meaningful is None


@pytest.mark.parametrize(
    "answers",
    [
        [],
        [1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1],
        [6, 0, 0, 0, 0],
        [-1, 0, 0, 0, 0],
        ["1", 1, 1, 1, 1],
        [True, 1, 1, 1, 1],
        [1.0, 1, 1, 1, 1],
        [None, 1, 1, 1, 1],
    ],
)
def test_it_refuses_invalid_who5_answers(answers: list[object]) -> None:
    with pytest.raises(InvalidAnswers):
        score(WHO5, answers)


def test_it_refuses_ucla3_zero_and_pss4_five() -> None:
    with pytest.raises(InvalidAnswers):
        score(UCLA3, [0, 1, 1])
    with pytest.raises(InvalidAnswers):
        score(PSS4, [5, 0, 0, 0])


@given(data=st.data())
def test_any_valid_answers_score_within_the_range(data: st.DataObject) -> None:
    scale = data.draw(st.sampled_from(SCALES))
    values = sorted(scale.values)
    answers = data.draw(
        st.lists(st.sampled_from(values), min_size=len(scale.items), max_size=len(scale.items))
    )
    total = score(scale, answers)
    assert scale.min_score <= total <= scale.max_score
    assert help_level(scale, total) in ("none", "gentle", "clear")
    assert reading(scale, total)


@given(
    scale=st.sampled_from(SCALES),
    answers=st.lists(
        st.one_of(st.integers(), st.text(max_size=3), st.none(), st.floats(), st.booleans()),
        max_size=8,
    ),
)
def test_any_answers_either_score_in_range_or_are_refused(
    scale: Scale, answers: list[object]
) -> None:
    try:
        total = score(scale, answers)
    except InvalidAnswers:
        return
    assert scale.min_score <= total <= scale.max_score
    assert len(answers) == len(scale.items)
    assert all(type(a) is int and a in scale.values for a in answers)


@given(
    scale=st.sampled_from(SCALES),
    answers=st.lists(
        st.one_of(st.integers(min_value=-2, max_value=7), st.text(max_size=2), st.booleans()),
        max_size=7,
    ),
)
def test_the_fast_total_agrees_with_the_published_score(
    scale: Scale, answers: list[object]
) -> None:
    try:
        expected: int | None = score(scale, answers)
    except InvalidAnswers:
        expected = None
    assert total_or_none(scale, answers) == expected
