"""The daily questions for two: Nearer's own words, one a day, the same for both.

Each question is tagged with one of the decks' themes and depths
(``decks.catalogue``), so a day may be light or deep; "Physical closeness" is an
opt-in theme in the decks and is left out here, where nobody chose it. The order
a pair meets them in is a permutation of the whole set seeded by the pair's id:
day ``d`` gets the question at ``d``'s place in the cycle, so no question comes
back within ``len(QUESTIONS)`` days (at least 120) and both partners, on any
device, see the same question for the same day.

An id is "<theme>-<depth>-<n>" and stable forever: answers keep the id of the
question they answered, so the history shows what was asked even if the set grows.
"""

# One question to a line, so the table reads as a list.

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from nearer.decks.catalogue import DEPTH_LABELS, OPT_IN_THEMES, THEME_LABELS


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    theme: str
    depth: int
    text: str


def _questions(theme: str, depth: int, texts: tuple[str, ...]) -> tuple[Question, ...]:
    return tuple(
        Question(id=f"{theme}-{depth}-{number}", theme=theme, depth=depth, text=text)
        for number, text in enumerate(texts, start=1)
    )


# fmt: off
QUESTIONS: tuple[Question, ...] = (
    _questions("knowing", 1, (
        "What made you smile today, even for a moment?",
        "Which small comfort would you pick for this evening?",
        "What have you been curious about lately?",
        "Which sound do you find most soothing?",
        "What would your perfect lazy Sunday look like?",
        "Which habit of yours are you secretly fond of?",
    ))
    + _questions("knowing", 2, (
        "What has been taking up most of your thoughts this week?",
        "When did you last feel really capable?",
        "What is something you are learning about yourself at the moment?",
        "Which part of your day do you guard most carefully, and why?",
        "What do you need more of in your life right now?",
        "What are you looking forward to that you haven't mentioned?",
    ))
    + _questions("knowing", 3, (
        "What is a worry you have been carrying quietly?",
        "When do you feel least like yourself?",
        "What do you wish you could say to your younger self?",
        "What part of you do you think I see least?",
        "What would you do differently if nobody were watching?",
        "What does feeling safe mean to you today?",
    ))
    + _questions("memories", 1, (
        "What is a meal from your childhood you would love to taste again?",
        "Which trip or outing do you remember most fondly?",
        "What game did you love playing as a child?",
        "Which song takes you straight back to a certain time?",
        "What is a funny thing that happened to us that you still think of?",
        "Which room from your past do you remember best?",
    ))
    + _questions("memories", 2, (
        "What is a moment with me you would like to live again?",
        "Who looked after you well when you were small, and how?",
        "What did your family do when someone was upset?",
        "When did you first feel grown up?",
        "What is a kindness from a stranger that stayed with you?",
        "Which choice from your past are you most glad you made?",
    ))
    + _questions("memories", 3, (
        "What is a hard time that changed you for the better?",
        "Is there a memory you rarely share because it still hurts?",
        "When did you feel most alone, and what helped?",
        "What did you learn about love from the people who raised you?",
        "Which loss do you still carry with you?",
        "When have you felt that I truly understood you?",
    ))
    + _questions("dreams", 1, (
        "Where would you go if we could leave tomorrow for a week?",
        "Which skill would you love to master just for fun?",
        "What would you do with an extra hour every day?",
        "What kind of home do you picture us in one day?",
        "Which adventure would you like us to try this year?",
        "What would your ideal birthday be like this time?",
    ))
    + _questions("dreams", 2, (
        "What would you like more of in our life together?",
        "What do you hope the next five years bring you?",
        "What would you try if you knew you couldn't fail?",
        "Which tradition would you like us to start?",
        "What does a good life look like to you, right now?",
        "Which of your dreams could I help with?",
    ))
    + _questions("dreams", 3, (
        "Which dream have you set aside, and do you miss it?",
        "What do you want to be remembered for?",
        "What are you afraid to hope for?",
        "How would you like us to grow old together?",
        "What would you regret not trying?",
        "What change in yourself are you hoping for?",
    ))
    + _questions("appreciation", 1, (
        "What is something I did recently that you liked?",
        "Which of my little habits makes you smile?",
        "What do you enjoy doing with me most on an ordinary day?",
        "What is one thing about our home you are grateful for?",
        "Which meal or treat that we share do you like best?",
        "What about today are you thankful for?",
    ))
    + _questions("appreciation", 2, (
        "What quality of mine do you most admire?",
        "When did I last make you feel looked after?",
        "What do I do that makes hard days easier?",
        "What have you learned from me?",
        "Which thing about us would you tell a friend with pride?",
        "When did you last feel proud of me?",
    ))
    + _questions("appreciation", 3, (
        "What do you love about me that you rarely say?",
        "How have I changed your life?",
        "What do you think I don't give myself enough credit for?",
        "When did you feel most loved by me?",
        "What about us feels rare to you?",
        "What would you want me to know if you couldn't tell me for a while?",
    ))
    + _questions("needs", 1, (
        "What would make tomorrow a bit easier for you?",
        "What kind of evening would you like this week?",
        "Do you need more quiet or more company these days?",
        "What small thing could I do for you this week?",
        "How do you like to be greeted when you come home?",
        "What would you like to do less of this week?",
    ))
    + _questions("needs", 2, (
        "How can I tell when you need a break?",
        "What helps you most when you are stressed?",
        "When do you most want me close, and when do you want space?",
        "What do you need from me when we disagree?",
        "Which kind of help do you find hard to ask for?",
        "How do you most like to be comforted?",
    ))
    + _questions("needs", 3, (
        "What need of yours do you feel goes unmet?",
        "What do you need to hear from me more often?",
        "What makes it hard for you to ask for what you want?",
        "When do you feel unseen, and what would help?",
        "What would help you feel more at home in our relationship?",
        "What are you afraid to need from me?",
    ))
    + _questions("struggles", 1, (
        "What is one small thing that annoyed you today?",
        "Which chore do you like least, honestly?",
        "What drained your energy this week?",
        "What is a minor fear you have, like spiders or heights?",
        "What made you tired today?",
        "Which everyday task do you keep putting off?",
    ))
    + _questions("struggles", 2, (
        "What has been harder for you lately than you let on?",
        "When do you find it hardest to be patient?",
        "What criticism stays with you longest?",
        "What situation makes you feel out of your depth?",
        "What do you find hard about being close to someone?",
        "What pressure do you feel most at the moment?",
    ))
    + _questions("struggles", 3, (
        "What is your biggest fear about the future?",
        "What do you struggle to forgive?",
        "When have you felt you let yourself down?",
        "What are you most afraid I might think of you?",
        "What old hurt still shapes how you react?",
        "What do you find hardest to say to me?",
    ))
    + _questions("us", 1, (
        "What is your favourite thing we have done together this month?",
        "Which of our inside jokes do you like most?",
        "What should we do together this weekend?",
        "Which photo of us do you like best, and why?",
        "Where is your favourite place to be with me?",
        "What is a new thing we could try together?",
    ))
    + _questions("us", 2, (
        "When do you feel closest to me?",
        "What do we do well as a couple?",
        "What is something we should talk about more?",
        "How do you think we have changed since we met?",
        "What helps us find each other again after a quarrel?",
        "What does a good week together look like to you?",
    ))
    + _questions("us", 3, (
        "What do you fear most about our relationship?",
        "What would you like us to heal?",
        "What promise would you like us to make each other?",
        "When have you felt distant from me, and what brought you back?",
        "What do you want our love to feel like in ten years?",
        "What do you think we are still learning about each other?",
    ))
)
# fmt: on

QUESTION_BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}

if any(question.theme in OPT_IN_THEMES for question in QUESTIONS):  # pragma: no cover
    raise RuntimeError("an opt-in theme must not be asked of everyone every day")


def question_labels(question: Question) -> tuple[str, str]:
    """Return the words of ``question``'s theme and depth."""
    return THEME_LABELS[question.theme], DEPTH_LABELS[question.depth]


@functools.lru_cache(maxsize=64)
def _order(pair_id: UUID) -> tuple[int, ...]:
    # Seeded by the pair alone: both partners get the same order, and another pair
    # gets another one. Not a secret: it only orders public questions.
    order = list(range(len(QUESTIONS)))
    random.Random(pair_id.bytes).shuffle(order)  # noqa: S311 - an order, not a secret
    return tuple(order)


def question_for(*, pair_id: UUID, day: date) -> Question:
    """Return the question of ``day`` for the pair: the same for both, and none comes
    back within ``len(QUESTIONS)`` days."""
    order = _order(pair_id)
    return QUESTIONS[order[day.toordinal() % len(order)]]
