"""The review said as plain text: what a saved journal entry holds.

Plain text, not HTML: the journal seals and shows it like anything typed there
(escaped when drawn). Only counts, names and words the review page already shows.
"""

from __future__ import annotations

from nearer.review.selectors import WeekReviewView
from nearer.review.week import week_words


def entry_title(review: WeekReviewView) -> str:
    return f"Weekly review: {week_words(review.start)}"


def _moments_line(review: WeekReviewView) -> str:
    total = review.moments_total
    if total == 0:
        return "No moments together were noted this week."
    said = "1 moment together" if total == 1 else f"{total} moments together"
    people = sorted({m.names for m in review.moments if m.names})
    line = f"{said}"
    if people:
        line += f", with {', '.join(people)}"
    if review.kinds_seen:
        line += f"; closeness that was {', '.join(k.lower() for k in review.kinds_seen)}"
    return line + "."


def _opened_line(review: WeekReviewView) -> str:
    parts = []
    if review.i_opened_up:
        times = "once" if review.i_opened_up == 1 else f"{review.i_opened_up} times"
        parts.append(f"You opened up {times}.")
    if review.opened_up:
        names = ", ".join(item.name for item in review.opened_up)
        parts.append(f"Opened up with you: {names}.")
    return " ".join(parts)


def _checkins_lines(review: WeekReviewView) -> list[str]:
    lines = []
    for day in review.days:
        if day.count:
            lines.append(
                f"- {day.day_name}: {day.pleasantness_words.lower()}, "
                f"energy {day.energy_words.lower()}"
            )
    if not lines:
        return ["No check-ins this week."]
    return ["Check-ins:", *lines]


def review_text(review: WeekReviewView, *, answer: str) -> str:
    """Return the entry's body: the week in a few lines, the question, and the answer."""
    lines = [_moments_line(review)]
    opened = _opened_line(review)
    if opened:
        lines.append(opened)
    lines.append("")
    lines.extend(_checkins_lines(review))
    for scale in review.scales:
        lines.append(f"{scale.name}: {scale.score} (of {scale.low} to {scale.high}).")
    if review.suggestion is not None:
        lines.extend(["", review.suggestion.text])
    lines.extend(["", review.question.text])
    if answer.strip():
        lines.append(answer.strip())
    return "\n".join(lines)
