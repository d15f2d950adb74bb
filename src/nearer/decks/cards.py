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
        ("memories-3-07", ANYONE, "When did you first realise the grown-ups around you were not perfect, and how did it feel?"),
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
    + _cards("dreams", 2, (
        ("dreams-2-01", ANYONE, "What does a good life look like to you ten years from now?"),
        ("dreams-2-02", ANYONE, "Which childhood ambition still tugs at you a little?"),
        ("dreams-2-03", ANYONE, "What would you do with your days if money were not a worry?"),
        ("dreams-2-04", ANYONE, "What would you like to be able to say about this coming year when it ends?"),
        ("dreams-2-05", ANYONE, "Is there a skill you would love to pass on to someone one day?"),
        ("dreams-2-06", ANYONE, "What is an adventure you would like the two of us to have together?"),
        ("dreams-2-07", ANYONE, "Whose way of living do you admire, and what part of it would you borrow?"),
        ("dreams-2-08", ANYONE, "What kind of older person do you hope to become?"),
        ("dreams-2-09", ANYONE, "What are you looking forward to that you have not told many people about?"),
        ("dreams-2-10", ANYONE, "What would you attempt if you knew people would cheer you on whatever happened?"),
    ))
    + _cards("dreams", 3, (
        ("dreams-3-01", ANYONE, "What dream are you afraid to say out loud in case it does not come true?"),
        ("dreams-3-02", ANYONE, "What do you long for that you find hard to admit, even to yourself?"),
        ("dreams-3-03", ANYONE, "Which wish of yours have you kept small so that it could not disappoint you?"),
        ("dreams-3-04", ANYONE, "Which hope have you had to grieve, and what took its place?"),
        ("dreams-3-05", ANYONE, "When you picture yourself at eighty, what do you hope you found the courage to do?"),
        ("dreams-3-06", ANYONE, "What do you secretly hope someone will one day say to you?"),
        ("dreams-3-07", ANYONE, "Which part of your future do you feel most uncertain about?"),
        ("dreams-3-08", PARTNER, "What do you dream of for us that you have not yet said?"),
        ("dreams-3-09", ANYONE, "What would it mean to you to feel you had truly found your place?"),
    ))
)

_APPRECIATION = (
    _cards("appreciation", 1, (
        ("appreciation-1-01", ANYONE, "What is something small I do that makes you smile?"),
        ("appreciation-1-02", ANYONE, "What made you laugh this week?"),
        ("appreciation-1-03", ANYONE, "Which little luxury are you most grateful for right now?"),
        ("appreciation-1-04", ANYONE, "Who made your day a bit better recently, and how?"),
        ("appreciation-1-05", ANYONE, "What is one thing about today that went well?"),
        ("appreciation-1-06", ANYONE, "Which of my habits do you secretly find endearing?"),
        ("appreciation-1-07", ANYONE, "What is something I am good at that you enjoy seeing me do?"),
        ("appreciation-1-08", ANYONE, "What is something in your home you are glad to have?"),
        ("appreciation-1-09", ANYONE, "Which of your friends would you like to thank for something lately?"),
    ))
    + _cards("appreciation", 2, (
        ("appreciation-2-01", ANYONE, "When did I last make you feel looked after?"),
        ("appreciation-2-02", ANYONE, "What is something I taught you, even without meaning to?"),
        ("appreciation-2-03", ANYONE, "Which quality of mine would you like a little more of yourself?"),
        ("appreciation-2-04", ANYONE, "Tell me about a time I surprised you in a good way."),
        ("appreciation-2-05", ANYONE, "What do you appreciate about how we handle disagreements?"),
        ("appreciation-2-06", ANYONE, "What is a part of yourself you have come to appreciate with time?"),
        ("appreciation-2-07", ANYONE, "What do you think I bring to the people around me?"),
        ("appreciation-2-08", ANYONE, "Which thing I once said to you has stayed with you?"),
        ("appreciation-2-09", ANYONE, "What is something you are grateful for that you once took for granted?"),
        ("appreciation-2-10", ANYONE, "When have you felt proud of me?"),
    ))
    + _cards("appreciation", 3, (
        ("appreciation-3-01", ANYONE, "What is something you have always wanted to thank me for but never quite said?"),
        ("appreciation-3-02", ANYONE, "How has knowing me changed you?"),
        ("appreciation-3-03", ANYONE, "When did I help you through something without realising how much it mattered?"),
        ("appreciation-3-04", ANYONE, "What do you admire about the way I have handled hard times?"),
        ("appreciation-3-05", ANYONE, "Which part of yourself do you find hardest to appreciate, and what would help?"),
        ("appreciation-3-06", ANYONE, "What do you value in me that you think I might not see in myself?"),
        ("appreciation-3-07", ANYONE, "Is there someone you wish you had thanked while you still could?"),
        ("appreciation-3-08", ANYONE, "What is a kindness you received that you still think about years later?"),
        ("appreciation-3-09", ANYONE, "In what way do you feel I truly understand you?"),
    ))
)

_NEEDS = (
    _cards("needs", 1, (
        ("needs-1-01", ANYONE, "What helps you wind down at the end of the day?"),
        ("needs-1-02", ANYONE, "Do you prefer a plan for the weekend or an open one?"),
        ("needs-1-03", ANYONE, "What is your favourite way to be cheered up after a dull day?"),
        ("needs-1-04", ANYONE, "How much time on your own do you like in a typical week?"),
        ("needs-1-05", ANYONE, "Would you rather talk something through straight away or sleep on it first?"),
        ("needs-1-06", ANYONE, "What kind of message from me is nicest to receive during the day?"),
        ("needs-1-07", ANYONE, "What makes a visit or a meal together feel relaxed for you?"),
        ("needs-1-08", ANYONE, "Which small gesture makes you feel thought of?"),
        ("needs-1-09", ANYONE, "When you are busy, what kind of help is actually helpful?"),
    ))
    + _cards("needs", 2, (
        ("needs-2-01", ANYONE, "When you are upset, do you want advice, company or just someone to listen?"),
        ("needs-2-02", ANYONE, "What helps you feel respected in a disagreement?"),
        ("needs-2-03", ANYONE, "What do you need from me when you have had a hard day?"),
        ("needs-2-04", ANYONE, "Is there something you would like more of between us?"),
        ("needs-2-05", ANYONE, "How can I tell when you need space, and how would you like me to respond?"),
        ("needs-2-06", ANYONE, "What makes you feel trusted?"),
        ("needs-2-07", ANYONE, "What is a need of yours you find hard to ask for?"),
        ("needs-2-08", ANYONE, "How do you like to be supported when you are trying something new?"),
        ("needs-2-09", ANYONE, "What helps you feel safe enough to say what you really think?"),
        ("needs-2-10", ANYONE, "Which of your needs have changed over the last few years?"),
    ))
    + _cards("needs", 3, (
        ("needs-3-01", ANYONE, "What do you need to hear more often, from me or from anyone?"),
        ("needs-3-02", ANYONE, "When do you feel most unseen, and what would help?"),
        ("needs-3-03", ANYONE, "Is there a need you have stopped asking for because it felt like too much?"),
        ("needs-3-04", ANYONE, "What did you learn growing up about asking for what you need?"),
        ("needs-3-05", ANYONE, "What is a way I could care for you that I might not have thought of?"),
        ("needs-3-06", ANYONE, "When you pull away, what are you usually hoping someone will do?"),
        ("needs-3-07", ANYONE, "What would help you believe that your needs are never a burden?"),
        ("needs-3-08", PARTNER, "What do you need from me to feel secure in us?"),
        ("needs-3-09", ANYONE, "What kind of reassurance do you long for but rarely receive?"),
    ))
)

_STRUGGLES = (
    _cards("struggles", 1, (
        ("struggles-1-01", ANYONE, "What is a small thing that annoys you more than it probably should?"),
        ("struggles-1-02", ANYONE, "Which everyday task do you always put off?"),
        ("struggles-1-03", ANYONE, "What was the trickiest part of your week?"),
        ("struggles-1-04", ANYONE, "Do you have a harmless fear, like spiders or heights?"),
        ("struggles-1-05", ANYONE, "What is something you find surprisingly hard to do in front of others?"),
        ("struggles-1-06", ANYONE, "How do you usually calm yourself before something nerve-racking?"),
        ("struggles-1-07", ANYONE, "What is a habit you are trying to change, and how is it going?"),
        ("struggles-1-08", ANYONE, "Which part of an ordinary day takes the most out of you?"),
        ("struggles-1-09", ANYONE, "What is a skill you struggled to learn but got there in the end?"),
    ))
    + _cards("struggles", 2, (
        ("struggles-2-01", ANYONE, "What is weighing on your mind at the moment?"),
        ("struggles-2-02", ANYONE, "When do you find it hardest to be kind to yourself?"),
        ("struggles-2-03", ANYONE, "What kind of situation makes you feel out of your depth?"),
        ("struggles-2-04", ANYONE, "Tell me about a setback that taught you something."),
        ("struggles-2-05", ANYONE, "What do you worry about that you rarely mention?"),
        ("struggles-2-06", ANYONE, "How do you know when you are close to your limit?"),
        ("struggles-2-07", ANYONE, "What has been harder than you expected this year?"),
        ("struggles-2-08", ANYONE, "Which kind of criticism stings the most, and why do you think that is?"),
        ("struggles-2-09", ANYONE, "When you are struggling, what makes it harder for you to reach out?"),
        ("struggles-2-10", ANYONE, "What is something you find hard to ask for help with?"),
    ))
    + _cards("struggles", 3, (
        ("struggles-3-01", ANYONE, "What is your deepest worry about the future?"),
        ("struggles-3-02", ANYONE, "What are you afraid people would think if they knew the whole of you?"),
        ("struggles-3-03", ANYONE, "What is a struggle you have carried mostly on your own?"),
        ("struggles-3-04", ANYONE, "When have you felt that you were not enough, and what helped?"),
        ("struggles-3-05", ANYONE, "Is there a shame you carry that you wish you could finally put down?"),
        ("struggles-3-06", ANYONE, "What are you most afraid of losing?"),
        ("struggles-3-07", ANYONE, "Which part of your story do you still find hard to make peace with?"),
        ("struggles-3-08", ANYONE, "What would you like to say about a hard time that you have never said aloud?"),
        ("struggles-3-09", ANYONE, "What keeps you going on the days that feel heaviest?"),
    ))
)

# "Us" is the two people talking: a couple, two friends, or family. Cards that
# only make sense for one of those say so in their fits.
_US = (
    _cards("us", 1, (
        ("us-1-01", ANYONE, "What is your favourite thing to do together on an ordinary day?"),
        ("us-1-02", ANYONE, "Which meal we have shared would you happily have again?"),
        ("us-1-03", ANYONE, "What is a joke or a saying that only the two of us understand?"),
        ("us-1-04", ANYONE, "Where would you like us to go on our next day out?"),
        ("us-1-05", ANYONE, "What film or series should we watch together next?"),
        ("us-1-06", ANYONE, "What is a game or an activity we should try together?"),
        ("us-1-07", PARTNER_FRIEND, "What do you remember about the day we met?"),
        ("us-1-08", ANYONE, "Which photo of the two of us do you like best?"),
        ("us-1-09", ANYONE, "What is a small ritual of ours that you enjoy?"),
    ))
    + _cards("us", 2, (
        ("us-2-01", ANYONE, "When do you feel closest to me?"),
        ("us-2-02", ANYONE, "What is something we do well as a pair?"),
        ("us-2-03", ANYONE, "How has the way we talk to each other changed over time?"),
        ("us-2-04", ANYONE, "What is a habit of ours you would like to keep for years?"),
        ("us-2-05", ANYONE, "Is there something we used to do that you miss?"),
        ("us-2-06", ANYONE, "How do you feel after we spend an evening together?"),
        ("us-2-07", ANYONE, "What is one thing I could do that would make our time together even better?"),
        ("us-2-08", ANYONE, "What do we tend to disagree about that we could handle more gently?"),
        ("us-2-09", PARTNER, "What made you decide you wanted to be with me?"),
        ("us-2-10", ANYONE, "When did you first feel you could truly rely on me?"),
        ("us-2-11", FRIEND, "When did you realise we had become real friends?"),
        ("us-2-12", FAMILY, "Which family story about the two of us do you like hearing retold?"),
    ))
    + _cards("us", 3, (
        ("us-3-01", ANYONE, "What is something about us you have been afraid to bring up?"),
        ("us-3-02", ANYONE, "When have you felt far from me, even when we were together?"),
        ("us-3-03", ANYONE, "What do you think we avoid talking about, and how could we start?"),
        ("us-3-04", ANYONE, "Is there a hurt between us that still needs some care?"),
        ("us-3-05", PARTNER, "What do you fear might happen to us, and what would help with that fear?"),
        ("us-3-06", ANYONE, "What would you like us to be able to say to each other more easily?"),
        ("us-3-07", ANYONE, "How do you want us to be there for each other when life gets hard?"),
        ("us-3-08", PARTNER, "What does being committed to each other mean to you now, compared with when we began?"),
        ("us-3-09", ANYONE, "What is one thing you would like to mend or rebuild between us?"),
        ("us-3-10", FAMILY, "Is there something from our family's past you would like us to talk about?"),
        ("us-3-11", FRIEND, "What would you want me to do if you ever felt our friendship drifting?"),
    ))
)

# Physical closeness, off until a person turns it on: comfort, affection and
# feeling safe, never anything explicit. Hugs and comfort suit family too.
_TOUCH = (
    _cards("touch", 1, (
        ("touch-1-01", PARTNER_FAMILY, "Are you a hugger, or do you like to warm up to hugs first?"),
        ("touch-1-02", PARTNER, "Do you like holding hands when we walk somewhere together?"),
        ("touch-1-03", PARTNER_FAMILY, "What kind of hug do you like best: a quick squeeze or a long one?"),
        ("touch-1-04", PARTNER, "When we watch something together, do you like to sit close or with a bit of room?"),
        ("touch-1-05", PARTNER_FAMILY, "Which cosy things, like a warm blanket or a soft jumper, help you feel comfortable?"),
        ("touch-1-06", PARTNER, "Do you like a hand on your shoulder when you are concentrating, or would you rather not?"),
        ("touch-1-07", PARTNER, "What is your favourite way to say good morning without words?"),
    ))
    + _cards("touch", 2, (
        ("touch-2-01", PARTNER_FAMILY, "When you are sad, does a hug help, or do you prefer some space first?"),
        ("touch-2-02", PARTNER, "What kind of touch helps you relax after a long day?"),
        ("touch-2-03", PARTNER, "Is there a small gesture of affection you would like more of in everyday life?"),
        ("touch-2-04", PARTNER_FAMILY, "How was affection shown in your family when you were growing up?"),
        ("touch-2-05", PARTNER, "When do you find it hard to be touched, and how can I tell?"),
        ("touch-2-06", PARTNER, "What does holding hands mean to you?"),
        ("touch-2-07", PARTNER, "How would you like me to comfort you when you cannot find the words?"),
    ))
    + _cards("touch", 3, (
        ("touch-3-01", PARTNER, "What helps you feel safe and at home in your own body?"),
        ("touch-3-02", PARTNER, "Tell me about a time when a touch was exactly what you needed."),
        ("touch-3-03", PARTNER, "What would make it easier for you to ask for closeness, or to say not now?"),
        ("touch-3-04", PARTNER, "How has the way you feel about closeness changed over the years?"),
        ("touch-3-05", PARTNER_FAMILY, "What does being held mean to you when things are hard?"),
        ("touch-3-06", PARTNER, "Is there anything about physical closeness you have found hard to talk about?"),
    ))
)
# fmt: on

CARDS: tuple[Card, ...] = (
    _KNOWING + _MEMORIES + _DREAMS + _APPRECIATION + _NEEDS + _STRUGGLES + _US + _TOUCH
)
