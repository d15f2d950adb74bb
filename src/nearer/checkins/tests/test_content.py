from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.checkins import content
from nearer.checkins.content import EMOTIONS, QUADRANTS, emotions_for, quadrants_for


def test_it_has_about_ten_distinct_words_per_quadrant() -> None:
    for quadrant in QUADRANTS:
        words = [e for e in EMOTIONS if e.quadrant == quadrant.key]
        assert 8 <= len(words) <= 12
    assert len({e.key for e in EMOTIONS}) == len(EMOTIONS)
    assert len({e.label.lower() for e in EMOTIONS}) == len(EMOTIONS)


def test_each_quadrant_has_its_own_shape_and_code() -> None:
    assert len({q.shape for q in QUADRANTS}) == 4
    assert len({q.code for q in QUADRANTS}) == 4


@pytest.mark.parametrize(
    ("pleasantness", "energy", "expected"),
    [
        (2, 2, {"high_pleasant"}),
        (-1, 1, {"high_unpleasant"}),
        (-2, -2, {"low_unpleasant"}),
        (1, -1, {"low_pleasant"}),
        (0, 2, {"high_unpleasant", "high_pleasant"}),
        (1, 0, {"high_pleasant", "low_pleasant"}),
        (0, 0, {"high_unpleasant", "high_pleasant", "low_unpleasant", "low_pleasant"}),
    ],
)
def test_it_offers_every_quadrant_a_rating_touches(
    pleasantness: int, energy: int, expected: set[str]
) -> None:
    assert {q.key for q in quadrants_for(pleasantness, energy)} == expected
    offered = {e.quadrant for _, words in emotions_for(pleasantness, energy) for e in words}
    assert offered == expected


def test_it_accepts_scale_steps_and_refuses_anything_else() -> None:
    assert content.scale_clean("-2", what="energy") == -2
    assert content.scale_clean(2, what="energy") == 2
    for bad in (3, -3, "x", "", None, True, 1.5, "1.0"):
        with pytest.raises(ValidationError):
            content.scale_clean(bad, what="energy")


def test_a_word_must_exist_and_fit_the_rating() -> None:
    assert content.emotion_clean("calm", pleasantness=1, energy=-1) == "calm"
    assert content.emotion_clean("calm", pleasantness=0, energy=0) == "calm"
    with pytest.raises(ValidationError, match="doesn't fit"):
        content.emotion_clean("calm", pleasantness=-2, energy=2)
    with pytest.raises(ValidationError, match="one of the words"):
        content.emotion_clean("ecstatic", pleasantness=2, energy=2)


def test_people_must_be_among_the_known_ids() -> None:
    known = {"8a1c2b6e-0d4f-4a57-9a59-0b6a8f1c2d3e"}
    assert content.people_clean(["8A1C2B6E-0D4F-4A57-9A59-0B6A8F1C2D3E"], known=known) == (
        "8a1c2b6e-0d4f-4a57-9a59-0b6a8f1c2d3e",
    )
    for bad in (["not-an-id"], ["00000000-0000-0000-0000-000000000000"]):
        with pytest.raises(ValidationError, match="isn't in your People"):
            content.people_clean(bad, known=known)


def test_a_note_may_not_be_too_long() -> None:
    assert content.note_clean("  hi\r\nthere ") == "hi\nthere"
    with pytest.raises(ValidationError, match="Nothing was saved"):
        content.note_clean("x" * (content.MAX_NOTE + 1))
