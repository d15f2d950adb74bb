"""The conversation cards: Nearer's own questions, written for Nearer.

Each theme goes from light (depth 1: easy with anyone), through personal
(depth 2), to deep (depth 3: fears, shame, longing, what we rarely say). Every
card works whichever of the two people asks it, and none asks about sex.

An id is "<theme>-<depth>-<nn>" and is stable forever: draws, favourites and
hidden cards refer to it. A card's words may be polished; a card that is
retired keeps its id unused, and a new card takes the next free number.
"""

# One card to a line, so the table reads as a list of questions.
# ruff: noqa: E501

from __future__ import annotations

from nearer.decks.catalogue import Card

# Who a card suits. Most questions are worded so that partners, friends and
# family can all ask them; a few speak of a couple, a friendship or a family.
ANYONE = frozenset({"partner", "friend", "family"})
PARTNER = frozenset({"partner"})
FRIEND = frozenset({"friend"})
FAMILY = frozenset({"family"})
PARTNER_FRIEND = frozenset({"partner", "friend"})
PARTNER_FAMILY = frozenset({"partner", "family"})


def _cards(
    theme: str, depth: int, rows: tuple[tuple[str, frozenset[str], str], ...]
) -> tuple[Card, ...]:
    # The id is written out in full on each row, so a card can be found by it and
    # a row copied into the wrong section is caught by the data test.
    return tuple(
        Card(id=card_id, theme=theme, depth=depth, fits=fits, text=text)
        for card_id, fits, text in rows
    )


# The table is laid out by hand, one card to a line.
# fmt: off
_KNOWING = (
    _cards("knowing", 1, (
        ("knowing-1-01", ANYONE, "What is a small thing that almost always puts you in a good mood?"),
        ("knowing-1-02", ANYONE, "Which meal could you happily eat every week for the rest of your life?"),
        ("knowing-1-03", ANYONE, "What do you like to do on a slow morning with nowhere to be?"),
        ("knowing-1-04", ANYONE, "Which season feels most like you, and why?"),
        ("knowing-1-05", ANYONE, "What is something you have learned to do recently, however small?"),
        ("knowing-1-06", ANYONE, "If you had a free afternoon tomorrow, how would you spend it?"),
        ("knowing-1-07", ANYONE, "What kind of music do you put on when you want to feel like yourself?"),
        ("knowing-1-08", ANYONE, "What is a place near here that you are fond of?"),
        ("knowing-1-09", ANYONE, "Which everyday object would you miss most if it vanished?"),
        ("knowing-1-10", ANYONE, "Are you more of a planner, or someone who sees where the day goes?"),
    ))
    + _cards("knowing", 2, (
        ("knowing-2-01", ANYONE, "What is something about you that people often get wrong at first?"),
        ("knowing-2-02", ANYONE, "Which part of your daily life feels most truly your own?"),
        ("knowing-2-03", ANYONE, "What are you quietly proud of that you rarely mention?"),
        ("knowing-2-04", ANYONE, "How do you usually recharge after a hard week?"),
        ("knowing-2-05", ANYONE, "What is a belief you held strongly a few years ago and have since let go of?"),
        ("knowing-2-06", ANYONE, "Who outside your family shaped the person you are, and how?"),
        ("knowing-2-07", ANYONE, "Whose opinion do you trust most when you are unsure, and why?"),
        ("knowing-2-08", ANYONE, "When do you feel most at ease in your own company?"),
        ("knowing-2-09", ANYONE, "What is a value you try to live by, even when it is inconvenient?"),
        ("knowing-2-10", ANYONE, "What kind of compliment means the most to you?"),
    ))
    + _cards("knowing", 3, (
        ("knowing-3-01", ANYONE, "What part of yourself do you keep hidden from most people?"),
        ("knowing-3-02", ANYONE, "What do you wish people understood about you without your having to explain?"),
        ("knowing-3-03", ANYONE, "When have you felt most like a stranger to yourself?"),
        ("knowing-3-04", ANYONE, "Is there something you are still learning to forgive yourself for?"),
        ("knowing-3-05", ANYONE, "Which of your feelings do you find hardest to show?"),
        ("knowing-3-06", ANYONE, "What are you still trying to prove, and to whom?"),
        ("knowing-3-07", ANYONE, "What is a quiet longing you carry that you seldom talk about?"),
        ("knowing-3-08", ANYONE, "What would you most like the people closest to you to remember about you?"),
        ("knowing-3-09", ANYONE, "Tell me about a moment when you felt truly seen by someone."),
    ))
)

_MEMORIES = (
    _cards("memories", 1, (
        ("memories-1-01", ANYONE, "What was your favourite snack when you were a child?"),
        ("memories-1-02", ANYONE, "Tell me about a toy or game you loved when you were small."),
        ("memories-1-03", ANYONE, "Which holiday from your childhood do you remember most fondly?"),
        ("memories-1-04", ANYONE, "What song takes you straight back to a particular summer?"),
        ("memories-1-05", ANYONE, "Who was your favourite teacher, and what made them stand out?"),
        ("memories-1-06", ANYONE, "What is the funniest thing that happened to you at school?"),
        ("memories-1-07", ANYONE, "Which smell instantly reminds you of home?"),
        ("memories-1-08", ANYONE, "What did you want to be when you grew up, back when you were about seven?"),
        ("memories-1-09", ANYONE, "Tell me about the first place you lived that felt like yours."),
        ("memories-1-10", ANYONE, "What is a tradition from your childhood that you still enjoy?"),
    ))
    + _cards("memories", 2, (
        ("memories-2-01", ANYONE, "What is a memory of the two of us that you return to when you need cheering up?"),
        ("memories-2-02", ANYONE, "Tell me about a time a stranger was unexpectedly kind to you."),
        ("memories-2-03", ANYONE, "Which birthday stands out most in your memory, and why?"),
        ("memories-2-04", ANYONE, "What did your home sound like on a typical evening when you were growing up?"),
        ("memories-2-05", ANYONE, "When did you first feel like a grown-up?"),
        ("memories-2-06", ANYONE, "Tell me about a friendship from your past that still shapes you."),
        ("memories-2-07", ANYONE, "What is a mistake from years ago that you can laugh about now?"),
        ("memories-2-08", ANYONE, "Which moment from the last year would you like to keep forever?"),
        ("memories-2-09", ANYONE, "What did you learn from a grandparent or another older person in your life?"),
        ("memories-2-10", ANYONE, "Tell me about a time you were brave when you were young."),
        ("memories-2-11", FAMILY, "What do you remember most about our family's home when you were young?"),
    ))
    + _cards("memories", 3, (
        ("memories-3-01", ANYONE, "What is a memory that still hurts when you think about it?"),
        ("memories-3-02", ANYONE, "Tell me about a time you felt very alone as a child."),
        ("memories-3-03", ANYONE, "Is there a goodbye in your life you wish had gone differently?"),
        ("memories-3-04", ANYONE, "What did you need as a child that you did not get enough of?"),
        ("memories-3-05", ANYONE, "Is there a moment in your past you still feel ashamed of, and how do you see it now?"),
        ("memories-3-06", ANYONE, "Who have you lost that you still talk to in your head?"),
        ("memories-3-07", ANYONE, "When did you first realise your parents were not perfect, and how did it feel?"),
        ("memories-3-08", ANYONE, "Tell me about a time you were comforted exactly the way you needed."),
        ("memories-3-09", ANYONE, "What part of your past do you find hardest to tell people about?"),
    ))
)

_DREAMS = (
    _cards("dreams", 1, (
        ("dreams-1-01", ANYONE, "Where in the world would you love to wake up next week?"),
        ("dreams-1-02", ANYONE, "If you could master one craft overnight, which would you choose?"),
        ("dreams-1-03", ANYONE, "What would your ideal home look like from the front door?"),
        ("dreams-1-04", ANYONE, "Which small adventure would you like to have this year?"),
        ("dreams-1-05", ANYONE, "If you could spend a month living a completely different life, what would it be?"),
        ("dreams-1-06", ANYONE, "What is something you would like to try just once?"),
        ("dreams-1-07", ANYONE, "What kind of garden, real or imagined, would you like to sit in?"),
        ("dreams-1-08", ANYONE, "If you opened a little shop, what would it sell?"),
        ("dreams-1-09", ANYONE, "Which language would you love to speak fluently?"),
    ))
)
# fmt: on

CARDS: tuple[Card, ...] = _KNOWING + _MEMORIES + _DREAMS
