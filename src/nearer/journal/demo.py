"""A long, realistic journal for the demo account and the benchmarks.

The entries are written by a small generator from our own phrase banks: warm,
everyday reflections of an imaginary person ("Alex") about a partner, friends,
family, work, rest and self-kindness. Nothing is copied from anywhere; the same
seed always gives the same journal.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

from nearer.accounts.models import User
from nearer.journal.prompts import PROMPTS
from nearer.journal.services import entries_create_many
from nearer.vault.box import Vault

DEFAULT_SEED = 20_240_601


@dataclass(frozen=True)
class DemoEntry:
    """One generated journal entry, ready for ``entry_create``."""

    entry_date: date
    title: str
    body: str
    tags: list[str]
    prompt_key: str | None


# --- Phrase banks -----------------------------------------------------------------------
# Slots in braces are filled once per entry, so one entry keeps to the same friend,
# the same place and the same evening.

SLOTS: dict[str, Sequence[str]] = {
    "partner": ("Sam",),
    "friend": ("Maya", "Jonas", "Priya", "Ade", "Clara", "Tomasz", "Noor"),
    "family": ("my sister Lena", "Mum", "Dad", "my brother Ben", "Grandma Rose", "my aunt Ruth"),
    "colleague": ("Ines", "Marco", "my manager", "the new person on the team", "Femi"),
    "place": (
        "the park by the river",
        "the kitchen table",
        "the café on the corner",
        "the allotment",
        "the bus home",
        "the bench outside the library",
        "the balcony",
        "the old harbour",
        "the little bakery on Mill Street",
        "the woods behind the school",
        "the swimming pool",
    ),
    "time": (
        "this morning",
        "after lunch",
        "late this evening",
        "on the way home",
        "just before bed",
        "in the early afternoon",
        "over breakfast",
        "while the kettle boiled",
        "at dusk",
    ),
    "weather": (
        "The rain didn't stop all day",
        "It was one of those bright, cold days",
        "The air was heavy and warm",
        "A thin fog hung over everything until noon",
        "The wind kept rattling the windows",
        "It was grey but gentle outside",
        "The first properly warm day of the year arrived",
        "Snow fell for about an hour",
        "The sky cleared just as the sun went down",
    ),
    "feeling": (
        "tired",
        "restless",
        "tender",
        "hopeful",
        "flat",
        "light",
        "a bit raw",
        "unsettled",
        "quietly content",
        "stretched thin",
        "calmer than I expected",
        "oddly nostalgic",
    ),
    "body": ("my shoulders", "my jaw", "my chest", "my stomach", "my neck", "my hands"),
    "activity": (
        "a long walk",
        "cooking dinner slowly",
        "an hour with a book",
        "a swim",
        "tidying the spare room",
        "a bike ride along the canal",
        "baking bread",
        "repotting the plants",
        "a long bath with the lights low",
        "playing the piano badly",
    ),
    "joy": (
        "the smell of coffee",
        "a good pear",
        "the neighbour's cat on the wall",
        "a song I had forgotten about",
        "warm socks straight from the radiator",
        "the light on the kitchen wall at four o'clock",
        "a text from an old friend",
        "fresh sheets",
        "the first strawberries",
        "a stranger's kind joke at the till",
    ),
    "worry": (
        "money",
        "the deadline at work",
        "Dad's health",
        "my sleep",
        "the flat and the landlord",
        "not being good enough at my job",
        "drifting apart from old friends",
        "the test results",
    ),
}

OPENERS_GENERAL = (
    "{weather}, and I spent most of it inside my own head.",
    "I'm writing this {time} because I don't want to lose the feeling of today.",
    "Not much happened today, and I think that was what I needed.",
    "Today felt long in the best and the worst ways.",
    "I woke up {feeling} and it took a while to work out why.",
    "I almost skipped writing tonight, but here I am.",
    "{weather}. I went to {place} {time} just to get out of the house.",
    "It's been a few days since I wrote, so this is a bit of a catch-up.",
)

THEMES: dict[str, dict[str, Sequence[str]]] = {
    "gratitude": {
        "tags": ("gratitude",),
        "titles": ("Small good things", "Three things", "Counting the good", "What went right"),
        "open": (
            "I want to remember the small good things from today before they blur together.",
            "Three things I'm grateful for, because my mind keeps skipping past them.",
            "It was an ordinary day with more kindness in it than I noticed at the time.",
        ),
        "middle": (
            "First, {joy}. It's silly how much that lifted me.",
            "{friend} remembered something I told them weeks ago and asked how it went.",
            "{partner} made tea without asking and left it by my elbow.",
            "Even at work there was a moment: {colleague} thanked me in front of everyone.",
            "I made time for {activity}, and for an hour nothing needed fixing.",
            "I noticed {joy} and actually stopped to enjoy it instead of rushing on.",
            "I'm grateful my body carried me through a full day without complaint.",
            "I'm grateful for {place}, which is somehow always there when I need it.",
        ),
        "turn": (
            "When I write these down, the day looks kinder than it felt.",
            "I notice that almost every good thing on the list involves another person.",
            "None of it was big, and maybe that's the point.",
        ),
    },
    "partner": {
        "tags": ("partner", "closeness"),
        "titles": ("Sam", "Us", "The two of us", "A quiet evening together", "After the talk"),
        "open": (
            "{partner} and I finally had the conversation we've been circling for weeks.",
            "We had a proper evening together for the first time in ages.",
            "Things have felt a little distant between {partner} and me lately.",
            "{partner} surprised me {time}.",
        ),
        "middle": (
            "We cooked together and didn't look at our phones once.",
            "I told {partner} I'd been feeling {feeling}, and they just listened.",
            "We walked to {place} and talked about nothing, then about everything.",
            "At one point I realised I'd been waiting for them to guess what I needed.",
            "{partner} admitted they'd been worried about {worry} too, which I hadn't known.",
            "We laughed about the holiday where everything went wrong.",
            "I noticed how my whole body softens when {partner} puts a hand on my back.",
            "We disagreed about something small and, for once, didn't let it grow.",
            "I asked {partner} what makes them feel loved, and the answer surprised me.",
        ),
        "turn": (
            "I keep learning that closeness is something we do, not something we have.",
            "It's easier to feel close when I stop keeping score.",
            "I want to say what I need out loud more often instead of hoping.",
        ),
    },
    "friends": {
        "tags": ("friends",),
        "titles": ("Coffee with {friend}", "Old friends", "A long phone call", "Showing up"),
        "open": (
            "I met {friend} at {place} {time}.",
            "{friend} called out of the blue and we talked for over an hour.",
            "I've been meaning to reach out to {friend} for weeks, and today I finally did.",
        ),
        "middle": (
            "We picked up exactly where we left off, which always amazes me.",
            "{friend} is going through a hard time and I mostly just listened.",
            "I told {friend} about {worry}, and saying it out loud made it smaller.",
            "We laughed so much at one point that the people next to us stared.",
            "I noticed I was performing being fine, and then I stopped.",
            "It struck me how long it had been since anyone asked how I really was.",
            "{friend} said something kind about me that I keep turning over.",
            "We made a plan to meet every month, and I actually want to keep it.",
        ),
        "turn": (
            "Friendship needs so little to keep going, and I still let it slide.",
            "I want to be the kind of friend who calls first.",
            "Being known by someone over years is a quiet kind of wealth.",
        ),
    },
    "family": {
        "tags": ("family",),
        "titles": ("Visiting home", "A call with {family}", "Family", "Sunday lunch"),
        "open": (
            "I spoke to {family} on the phone {time}.",
            "Sunday lunch with the family, the usual mix of warmth and old patterns.",
            "{family} came to stay for the weekend.",
        ),
        "middle": (
            "Within five minutes I felt about fourteen years old again.",
            "We talked about {worry}, carefully, the way our family talks about hard things.",
            "I noticed the old urge to fix everyone's mood and let it pass.",
            "There was a moment, washing up side by side, that felt very simple and good.",
            "{family} told a story from before I was born that I'd never heard.",
            "I tried to ask a real question instead of the usual ones, and got a real answer.",
            "I held back from an argument I've had a hundred times. It didn't feel like losing.",
        ),
        "turn": (
            "I can love them and still need my own shape around them.",
            "They're getting older, and I want to spend the time while we have it.",
            "It's possible to be close to family without going back to who I used to be.",
        ),
    },
    "work": {
        "tags": ("work", "stress"),
        "titles": ("A heavy week", "Work", "Deadline", "Leaving it at the door"),
        "open": (
            "Work swallowed the whole day again.",
            "The deadline is tomorrow and I can feel it in {body}.",
            "A difficult meeting {time} has been sitting with me all evening.",
        ),
        "middle": (
            "I kept checking my email long after I had promised myself I'd stop.",
            "{colleague} said something in passing that stung more than it should have.",
            "I noticed {body} tightening every time a message came in.",
            "I skipped lunch, which I always regret by four o'clock.",
            "I asked for help with one task, and the sky did not fall.",
            "By the evening I had nothing left for {partner}, and I could see they noticed.",
            "I took ten minutes outside and the problem looked smaller when I came back.",
            "Part of me believes that if I just work harder, I'll finally feel safe.",
        ),
        "turn": (
            "My worth is not the same as my output, even on days like this.",
            "I want to protect the evenings. They're where my actual life happens.",
            "Tomorrow I'll start with the hardest thing and let the rest wait.",
        ),
    },
    "self_compassion": {
        "tags": ("self-compassion",),
        "titles": ("Being gentle", "Go easy", "What I'd tell a friend", "Enough"),
        "open": (
            "I was hard on myself today, and I want to look at that kindly.",
            "I made a mistake {time} and my inner voice was not gentle about it.",
            "I'm trying to talk to myself the way I'd talk to {friend}.",
        ),
        "middle": (
            "The critic in my head says I should be further along by now.",
            "If {friend} had done the same thing, I'd have told them it was fine, and meant it.",
            "I put a hand on my chest for a minute, which felt silly and then didn't.",
            "Everyone gets things wrong; it's part of being a person, not proof I'm failing.",
            "I noticed how quickly I turn a bad hour into a story about a bad life.",
            "I let myself rest without earning it first.",
            "I wrote down what I actually did today, and it was more than I thought.",
            "Feeling {feeling} isn't a problem to solve; it's just where I am.",
        ),
        "turn": (
            "Being kind to myself isn't letting myself off the hook; it's what lets me try again.",
            "I'm allowed to be a work in progress.",
            "Tomorrow I'll notice the critic sooner and answer back more softly.",
        ),
    },
    "rest": {
        "tags": ("body", "sleep"),
        "titles": ("Rest", "Slept badly", "Listening to my body", "A slow day"),
        "open": (
            "I slept badly again and spent the day moving through fog.",
            "My body has been asking for rest and today I finally listened.",
            "I went to bed early last night and woke up feeling like a person.",
        ),
        "middle": (
            "I noticed the tension in {body} and breathed into it for a while.",
            "I made time for {activity}, with no goal at all.",
            "I turned my phone off at nine and the evening stretched out wonderfully.",
            "My energy dipped mid-afternoon and I let it instead of reaching for more coffee.",
            "I ate a proper lunch sitting down, which shouldn't feel like an achievement.",
            "A short nap, and the world looked completely different afterwards.",
            "I stretched on the floor while the kettle boiled and {body} thanked me.",
        ),
        "turn": (
            "Rest isn't a reward for finishing; it's part of how I keep going.",
            "My body keeps telling me the truth before my mind admits it.",
            "I want to treat sleep as something I protect, not something left over.",
        ),
    },
    "opening_up": {
        "tags": ("opening up", "vulnerability"),
        "titles": ("Saying it out loud", "Opening up", "The hard conversation", "I told them"),
        "open": (
            "I told {friend} something I have never told anyone.",
            "I've been rehearsing a conversation with {partner} in my head for days.",
            "Today I let someone see me when I wasn't okay.",
        ),
        "middle": (
            "My heart was pounding and my voice shook at the start.",
            "I said I'd been struggling with {worry}, and I didn't dress it up.",
            "They didn't flinch. They leaned in and said they'd felt the same.",
            "I noticed the old fear that if people really knew me, they'd step back.",
            "Afterwards I felt exposed for an hour, then lighter than I have in weeks.",
            "They shared something back, and the room felt different after that.",
            "I didn't need them to fix anything. I just needed them to know.",
        ),
        "turn": (
            "Being seen is frightening and it's also the only way to feel close.",
            "The things I hide are usually the things that would bring people nearer.",
            "I want to keep practising this, a little at a time, with people who've earned it.",
        ),
    },
    "loneliness": {
        "tags": ("loneliness",),
        "titles": ("A lonely evening", "Alone, not lonely", "Missing people", "Quiet house"),
        "open": (
            "I felt lonely today, even though I talked to people all day.",
            "{partner} is away this week and the flat is very quiet.",
            "It's strange how loneliness arrives on the days I expect it least.",
        ),
        "middle": (
            "I scrolled for too long, looking at other people's evenings.",
            "I thought about texting {friend} and then told myself they'd be busy.",
            "In the end I did text, and they replied within minutes.",
            "I went to {place} just to be around other people, and it helped a little.",
            "I notice I pull away exactly when I most need company.",
            "I called {family} and we talked about nothing much, which was perfect.",
        ),
        "turn": (
            "Loneliness is a signal, not a verdict. It means I need people, which is human.",
            "Reaching out first feels risky, but it almost never goes badly.",
            "Next time I'll make the call before the evening gets long.",
        ),
    },
    "outside": {
        "tags": ("walks", "outside"),
        "titles": ("A walk", "By the river", "Outside", "Green things"),
        "open": (
            "I walked to {place} {time} with no plan.",
            "{weather}, so I went out to clear my head.",
            "I needed air, so I left my phone at home and walked.",
        ),
        "middle": (
            "The trees along the path have started to turn.",
            "A heron stood perfectly still in the shallows, and I stood still watching it.",
            "I noticed how my thoughts slowed to the pace of my feet.",
            "Somebody's dog decided I was its new best friend for about a minute.",
            "I sat on a bench and let the noise of the day settle.",
            "The light through the leaves made everything look freshly washed.",
            "I came home muddy, cold and much happier than I left.",
        ),
        "turn": (
            "Being outside makes my problems feel their true size.",
            "I always forget how much a walk helps, until I take one.",
            "I want to do this every week, whatever the weather.",
        ),
    },
    "worry": {
        "tags": ("worry",),
        "titles": ("Worrying", "Round and round", "Untangling", "What if"),
        "open": (
            "I've been worrying about {worry} all day.",
            "My mind wouldn't stop spinning {time}.",
            "There's a low hum of anxiety under everything this week.",
        ),
        "middle": (
            "I tried writing down the worst case, and it was less terrible on paper.",
            "I noticed the worry lives in {body} before I even know what it's about.",
            "I talked it through with {partner}, who asked what I could actually control.",
            "Most of what I'm afraid of hasn't happened and might never happen.",
            "I did one small, practical thing about it, and that helped more than thinking.",
            "I breathed slowly, four in and six out, until the edge went off.",
        ),
        "turn": (
            "Worry feels like doing something, but it mostly just tires me out.",
            "I can hold this more lightly and still take it seriously.",
            "I'll give it ten minutes tomorrow morning, and then I'll get on with my day.",
        ),
    },
    "joy": {
        "tags": ("joy",),
        "titles": ("A good day", "Joy", "Laughing", "Light"),
        "open": (
            "Today was simply a good day, and I want to write it down.",
            "I laughed until I cried {time}.",
            "Something in me felt light today, for no particular reason.",
        ),
        "middle": (
            "{friend} and I danced around the kitchen to old songs.",
            "{joy} felt like a small gift today.",
            "{partner} did a terrible impression of our neighbour and I couldn't stop laughing.",
            "I made time for {activity} and lost track of time completely.",
            "I caught myself humming on the way home.",
            "I noticed I wasn't waiting for the other shoe to drop.",
        ),
        "turn": (
            "I want to let good days be good without bracing for what comes next.",
            "Joy seems to find me when I'm with people I love and not rushing.",
            "I'm keeping this one for the harder days.",
        ),
    },
    "growth": {
        "tags": ("growth",),
        "titles": ("Looking back", "A year ago", "Changing", "Who I'm becoming"),
        "open": (
            "I read some old entries today and barely recognised the person writing them.",
            "It's been a year of small changes that add up to something.",
            "I handled something today that would have flattened me a few years ago.",
        ),
        "middle": (
            "I used to say yes to everything and then resent it. I'm getting better at no.",
            "I notice I reach out to people now instead of waiting to be found.",
            "I still get anxious about {worry}, but it doesn't run the whole day anymore.",
            "Therapy gave me words for things I had only felt before.",
            "{partner} said I seem more settled lately, and I think they're right.",
            "Some of the old patterns are still there; I just see them sooner.",
        ),
        "turn": (
            "Change has been slower than I wanted and deeper than I expected.",
            "I'm proud of myself, which is not something I say easily.",
            "I want to keep going in this direction, gently.",
        ),
    },
}

GENERAL_MIDDLES = (
    "I noticed I was {feeling} most of the afternoon and didn't try to change it.",
    "I noticed {joy}, which I almost missed.",
    "I thought about {friend} and made a note to call them this week.",
    "{partner} and I ate dinner at {place}, talking about the week.",
    "I caught myself holding my breath, and let it go.",
    "I'm not sure what I'm feeling, exactly; something between relief and sadness.",
    "I spent a while just looking out of the window, which I never allow myself.",
    "I keep coming back to something {family} said on the phone.",
    "It helps to write this, even when I don't know where it's going.",
    "I made time for {activity}, and it loosened something in me.",
    "My phone buzzed all evening and I let it.",
    "I wonder how much of my tiredness is really loneliness in disguise.",
)

GENERAL_CLOSERS = (
    "Enough for tonight. Bed.",
    "I'll see how tomorrow feels.",
    "Writing this helped. It usually does.",
    "Going to sleep a bit lighter than I woke up.",
    "More tomorrow, maybe.",
    "Tomorrow: a walk, an early night, and a message to {friend}.",
    "That's all. Lights out.",
)

# Guided entries start by answering the prompt in the person's own words.
GUIDED_OPENERS = (
    "This question took me a while.",
    "My first answer was the easy one, so I'll try to go past it.",
    "I sat with this for a few minutes before writing anything.",
    "Honestly, I don't love this question, which probably means it's a good one.",
)

# Our themes that suit each theme of the built-in prompts (matched by a word in its key).
GUIDED_THEMES = {
    "accept": ("self_compassion", "growth"),
    "compassion": ("self_compassion", "rest"),
    "vulnerab": ("opening_up", "partner", "friends"),
    "open": ("opening_up", "friends"),
    "connect": ("gratitude", "partner", "friends", "family", "joy"),
}


def _words(text: str) -> int:
    return len(text.split())


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format_map(slots)
    return text[0].upper() + text[1:]


def _target_words(rng: random.Random) -> int:
    # Most entries are a few paragraphs long; a few are short notes or long outpourings.
    return int(rng.triangular(140, 370, 220))


def _sentences_for(
    rng: random.Random, theme: dict[str, Sequence[str]], second: dict[str, Sequence[str]]
) -> tuple[list[str], list[str], list[str]]:
    """Return three pools of sentence templates: the opening, the middle and the end."""
    middles = list(theme["middle"])
    rng.shuffle(middles)
    # A day is rarely about one thing: a little of another theme, then everyday notes.
    extra = rng.sample(list(second["middle"]), 3)
    general = list(GENERAL_MIDDLES)
    rng.shuffle(general)
    extra += general
    ending = [rng.choice(theme["turn"]), rng.choice(GENERAL_CLOSERS)]
    return middles, extra, ending


def _compose(
    rng: random.Random, theme_name: str, prompt_text: str | None
) -> tuple[str, str, list[str]]:
    """Return a title, a body of paragraphs, and tags for one entry on ``theme_name``."""
    theme = THEMES[theme_name]
    second_name = rng.choice([name for name in THEMES if name != theme_name])
    second = THEMES[second_name]
    slots = {name: rng.choice(choices) for name, choices in SLOTS.items()}
    target = _target_words(rng)
    middles, extra, ending = _sentences_for(rng, theme, second)

    first: list[str] = []
    if prompt_text is not None:
        first.append(rng.choice(GUIDED_OPENERS))
    elif rng.random() < 0.35:
        first.append(rng.choice(OPENERS_GENERAL))
    first.append(rng.choice(theme["open"]))
    paragraphs: list[list[str]] = [first]
    used = sum(_words(s) for s in first) + sum(_words(s) for s in ending)
    pool = middles + extra
    current = paragraphs[0]
    while pool and used < target:
        sentence = pool.pop(0)
        current.append(sentence)
        used += _words(sentence)
        if len(current) >= rng.randint(3, 6) and used < target - 30:
            current = []
            paragraphs.append(current)
    if not paragraphs[-1]:
        paragraphs.pop()
    paragraphs.append(ending)
    body = "\n\n".join(" ".join(_fill(s, slots) for s in para) for para in paragraphs)

    title = _fill(rng.choice(theme["titles"]), slots) if rng.random() < 0.6 else ""
    tags = list(theme["tags"][: rng.randint(1, len(theme["tags"]))])
    if rng.random() < 0.25:
        tags.append(second["tags"][0])
    return title, body, list(dict.fromkeys(tags))


def _day_weights(days: int, rng: random.Random) -> list[float]:
    """Return a weight per day: a seasonal rhythm, busy stretches and quiet weeks."""
    phase = rng.uniform(0, 2 * math.pi)
    weights = [1.0 + 0.5 * math.sin(2 * math.pi * d / 365.25 + phase) for d in range(days)]
    for _ in range(days // 120):  # a quiet fortnight now and then (holidays, busy spells)
        start = rng.randrange(days)
        for d in range(start, min(days, start + 14)):
            weights[d] *= 0.1
    return weights


def _prompts() -> list[tuple[str, str, str]]:
    """Return (key, theme, text) of the journal's built-in prompts."""
    return [(prompt.key, prompt.theme, prompt.text) for prompt in PROMPTS]


def _theme_for_prompt(rng: random.Random, group: str) -> str:
    lowered = group.lower()
    for word, themes in GUIDED_THEMES.items():
        if word in lowered:
            return rng.choice(themes)
    return rng.choice(("self_compassion", "opening_up", "growth"))


def generate_entries(
    *, years: int, entries: int, today: date, seed: int = DEFAULT_SEED
) -> Iterator[DemoEntry]:
    """Yield ``entries`` generated entries over the ``years`` before ``today``, oldest first.

    About one in five is guided: it carries the key of a built-in prompt.
    """
    rng = random.Random(seed)  # noqa: S311 (made-up text, not secrets)
    days = max(1, round(years * 365.25))
    start = today - timedelta(days=days - 1)
    chosen = sorted(rng.choices(range(days), weights=_day_weights(days, rng), k=entries))
    prompts = _prompts()
    theme_names = list(THEMES)
    for offset in chosen:
        prompt = rng.choice(prompts) if prompts and rng.random() < 0.2 else None
        if prompt is None:
            theme_name = rng.choice(theme_names)
            title, body, tags = _compose(rng, theme_name, None)
            yield DemoEntry(start + timedelta(days=offset), title, body, tags, None)
        else:
            key, group, text = prompt
            title, body, tags = _compose(rng, _theme_for_prompt(rng, group), text)
            yield DemoEntry(start + timedelta(days=offset), title, body, tags, key)


def build_entries(
    user: User, vault: Vault, *, years: int, entries: int, today: date, out: TextIO
) -> int:
    """Write ``entries`` generated entries over the ``years`` before ``today``; return
    how many. Progress goes to ``out`` every thousand. Call inside a transaction."""
    count = 0
    batch: list[tuple[date, str, str, list[str], str | None]] = []
    for item in generate_entries(years=years, entries=entries, today=today):
        batch.append((item.entry_date, item.title, item.body, list(item.tags), item.prompt_key))
        if len(batch) == 1000:
            count += entries_create_many(user=user, vault=vault, entries=batch)
            batch = []
            out.write(f"  {count} entries…\n")
            out.flush()
    count += entries_create_many(user=user, vault=vault, entries=batch)
    return count
