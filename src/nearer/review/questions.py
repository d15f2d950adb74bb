"""One question a week to reflect on: our own words, kind, never a test.

The week's question follows from the week itself (its Monday counted in weeks)
shifted by the person's account, so two weeks in a row never ask the same thing
and a whole cycle of ``len(QUESTIONS)`` weeks passes before one comes back.
Nothing is stored to choose it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str


QUESTIONS: tuple[Question, ...] = (
    Question("warm-moment", "Which moment this week felt warmest, and what made it so?"),
    Question("felt-heard", "When did you feel heard this week, even a little?"),
    Question("small-kindness", "What small kindness did you give or receive?"),
    Question("thank-someone", "Who would you like to thank for something this week?"),
    Question("easier", "What made this week a bit easier than it could have been?"),
    Question("carry-forward", "What would you like to carry into next week?"),
    Question("let-go", "Is there something from this week you are ready to set down?"),
    Question("surprised", "Did anyone surprise you this week? How?"),
    Question("showed-up", "How did you show up for someone, or for yourself?"),
    Question("rest", "Where did you find a little rest?"),
    Question("laughed", "What made you smile or laugh?"),
    Question("missed", "Is there someone you missed? What would you say to them?"),
    Question("learned-about", "What did you learn about someone close to you?"),
    Question("needed", "What did you need this week, and did you get some of it?"),
    Question("proud", "What are you quietly proud of from these days?"),
    Question("gentle-self", "Where could you be a little gentler with yourself?"),
    Question("shared", "What did you share with someone that you usually keep to yourself?"),
    Question("together-again", "Which time together would you happily have again?"),
    Question("noticed", "What did you notice about how you feel around different people?"),
    Question("ask-for", "Is there something you would like to ask someone for?"),
    Question("ordinary", "Which ordinary moment turned out to matter?"),
    Question("energy", "Who or what gave you energy, and who or what took it?"),
    Question("closer", "What is one small thing that could bring you closer to someone?"),
    Question("enough", "What about this week was enough, just as it was?"),
)
QUESTIONS_BY_KEY: dict[str, Question] = {question.key: question for question in QUESTIONS}


def question_for(*, owner_id: int, start: date) -> Question:
    """Return the question of the week that starts on ``start`` for this account."""
    week = start.toordinal() // 7
    # The account shifts where in the cycle a person starts; the week moves it on.
    return QUESTIONS[(week + owner_id * 5) % len(QUESTIONS)]
