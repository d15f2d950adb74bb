"""Scores exactly as the scales' authors define them, and what studies make of them.

Pure functions over ``instruments``: no database, no vault. Anything that is not
a complete, valid set of answers raises :class:`InvalidAnswers` rather than
producing a number that would mean nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nearer.scales.instruments import PSS4, UCLA3, WHO5, Scale

# WHO-5 (Topp et al. 2015): a raw score below 13 is poor well-being; a percentage
# of 28 or lower is, in research use, likely depression; 10 percentage points is
# the change the literature treats as meaningful.
WHO5_POOR_BELOW_RAW = 13
WHO5_LOW_PERCENT_AT_MOST = 28
WHO5_MEANINGFUL_CHANGE = 10
# UCLA 3-item: studies commonly read 6-9 as lonely, 3-5 as not lonely.
UCLA3_LONELY_FROM = 6

HelpLevel = Literal["none", "gentle", "clear"]


class InvalidAnswers(ValueError):
    """The answers are not one valid option for every item of the scale."""


def item_score(scale: Scale, reverse: bool, answer: int) -> int:
    """Return the points of one answer: reversed items count from the top option down."""
    if reverse:
        return scale.top_value + scale.bottom_value - answer
    return answer


def check_answers(scale: Scale, answers: Sequence[object]) -> tuple[int, ...]:
    """Return the answers as ints when each is a valid option of its item; else raise.

    ``bool`` is refused although it is an ``int`` in Python: True is not an answer.
    """
    if len(answers) != len(scale.items):
        raise InvalidAnswers(
            f"{scale.short_name} needs {len(scale.items)} answers, got {len(answers)}."
        )
    values = scale.values
    checked = []
    for number, answer in enumerate(answers, start=1):
        if type(answer) is not int or answer not in values:
            raise InvalidAnswers(f"Answer {number} is not one of the options.")
        checked.append(answer)
    return tuple(checked)


def score(scale: Scale, answers: Sequence[object]) -> int:
    """Return the published total of ``answers`` (reverse items reversed).

    WHO-5 0-25 (raw; see :func:`who5_percentage`), PSS-4 0-16, UCLA 3-item 3-9.
    """
    checked = check_answers(scale, answers)
    return sum(
        item_score(scale, item.reverse, answer)
        for item, answer in zip(scale.items, checked, strict=True)
    )


# Per scale: the valid values, which items are reversed, and the sum that reverses
# them. Precomputed because the trends page re-scores every result of ten years.
_PLANS: dict[str, tuple[frozenset[int], tuple[bool, ...], int]] = {}


def total_or_none(scale: Scale, answers: list[object]) -> int | None:
    """Return ``score(scale, answers)``, or None where ``score`` would raise; made for speed.

    The same rules as :func:`score` (a test holds the two together), without
    building messages or tuples.
    """
    plan = _PLANS.get(scale.key)
    if plan is None:
        plan = (
            scale.values,
            tuple(item.reverse for item in scale.items),
            scale.top_value + scale.bottom_value,
        )
        _PLANS[scale.key] = plan
    values, reverse, flip = plan
    if len(answers) != len(reverse):
        return None
    total = 0
    for answer, reversed_item in zip(answers, reverse, strict=True):
        if type(answer) is not int or answer not in values:
            return None
        total += flip - answer if reversed_item else answer
    return total


def who5_percentage(raw: int) -> int:
    """Return the WHO-5 percentage score (raw x 4, 0-100)."""
    return raw * 4


def shown_score(scale: Scale, total: int) -> int:
    """Return the number people see: WHO-5 as a percentage, the others as totals."""
    return who5_percentage(total) if scale.key == WHO5.key else total


def shown_range(scale: Scale) -> tuple[int, int]:
    return shown_score(scale, scale.min_score), shown_score(scale, scale.max_score)


def help_level(scale: Scale, total: int) -> HelpLevel:
    """Return how clearly the result page should point towards help.

    "clear": WHO-5 percentage 28 or lower (reach out to a professional).
    "gentle": WHO-5 raw below 13, or a UCLA 3-item score of 6 or more.
    PSS-4 has no published cut-off, so it never leads to the help path by itself.
    """
    if scale.key == WHO5.key:
        if who5_percentage(total) <= WHO5_LOW_PERCENT_AT_MOST:
            return "clear"
        if total < WHO5_POOR_BELOW_RAW:
            return "gentle"
    elif scale.key == UCLA3.key and total >= UCLA3_LONELY_FROM:
        return "gentle"
    return "none"


@dataclass(frozen=True, slots=True)
class Change:
    """How a score moved since the last time the same scale was taken."""

    before: int  # shown scores (WHO-5 in percent)
    after: int
    meaningful: bool | None  # None when the scale has no published threshold

    @property
    def difference(self) -> int:
        return self.after - self.before

    @property
    def size(self) -> int:
        return abs(self.after - self.before)

    @property
    def direction(self) -> Literal["up", "down", "same"]:
        if self.difference > 0:
            return "up"
        if self.difference < 0:
            return "down"
        return "same"


def change(scale: Scale, before_total: int, after_total: int) -> Change:
    """Return the change between two totals of ``scale`` (WHO-5: 10 points is meaningful)."""
    before, after = shown_score(scale, before_total), shown_score(scale, after_total)
    meaningful = abs(after - before) >= WHO5_MEANINGFUL_CHANGE if scale.key == WHO5.key else None
    return Change(before=before, after=after, meaningful=meaningful)


def reading(scale: Scale, total: int) -> str:
    """Return, in plain words, what studies often make of a score like this. Never a label
    of the person: always about what a score "often means" in studies."""
    if scale.key == WHO5.key:
        percent = who5_percentage(total)
        if percent <= WHO5_LOW_PERCENT_AT_MOST:
            # What to do about it is said once, by the result page's help section
            # (help_level "clear" at the same score), not here as well.
            return (
                "In studies, a score this low often goes with a hard time, sometimes with "
                "depression. A score is not a diagnosis."
            )
        if total < WHO5_POOR_BELOW_RAW:
            return (
                "In studies, scores of 50 or below are often read as low well-being. It "
                "can help to talk with someone you trust, and to consider asking a "
                "doctor about a check-up for depression."
            )
        return (
            "In studies, scores above 50 are usually read as reasonable well-being. "
            "Higher numbers mean better well-being."
        )
    if scale.key == PSS4.key:
        return (
            "There is no published cut-off for this scale: the number is best read "
            "against its range and against your own earlier scores. Higher numbers mean "
            "more stress."
        )
    if total >= UCLA3_LONELY_FROM:
        return (
            "In studies, scores of 6 or more are often read as loneliness. Loneliness "
            "is common and it can change: small steps towards people often help."
        )
    return (
        "In studies, scores of 6 or more are often read as loneliness; scores from 3 "
        "to 5 usually are not."
    )
