"""Nearer's own writing prompts, grouped by theme.

Every prompt has a stable key: entries remember the key of the prompt they
answered, and preferences remember the keys recently shown, so a key must never
change or be reused for a different question. Add new prompts with new keys.
The words are ours, written to be warm and unhurried rather than clinical.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    intro: str


@dataclass(frozen=True)
class Prompt:
    key: str
    theme: str
    text: str

    @property
    def theme_name(self) -> str:
        return THEMES_BY_KEY[self.theme].name


THEMES: tuple[Theme, ...] = (
    Theme(
        "acceptance",
        "Self-acceptance",
        "Meeting yourself as you are today, without a to-do list for becoming someone else.",
    ),
    Theme(
        "compassion",
        "Self-compassion",
        "Speaking to yourself the way you would speak to someone you love.",
    ),
    Theme(
        "opening-up",
        "Opening up",
        "Practising, in private, the words you might one day share with someone close.",
    ),
    Theme(
        "connection",
        "Gratitude and connection",
        "Noticing the people and small moments that hold you up.",
    ),
)

THEMES_BY_KEY: dict[str, Theme] = {theme.key: theme for theme in THEMES}

_PROMPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "acceptance": (
        ("acceptance.ordinary-good", "What is something ordinary about you that you quietly like?"),
        ("acceptance.body-thanks", "Your body carried you through today. What did it let you do?"),
        (
            "acceptance.enough-today",
            "If today were already enough, what could you stop chasing for an hour?",
        ),
        (
            "acceptance.younger-self",
            "What would your younger self be glad to know about who you are now?",
        ),
        (
            "acceptance.mixed-feelings",
            "Which two feelings are sitting side by side in you today? Let both stay.",
        ),
        (
            "acceptance.not-fixing",
            "Name one part of yourself you keep trying to fix. What if it only needed company?",
        ),
        (
            "acceptance.own-pace",
            "Where are you moving at your own pace, even if it is slower than others?",
        ),
        ("acceptance.quirk", "Which of your habits or quirks would you miss if it disappeared?"),
        ("acceptance.values", "What did you do recently that fits who you want to be?"),
        (
            "acceptance.comparison",
            "Who did you compare yourself with lately? What did that comparison leave out?",
        ),
        ("acceptance.rest", "What would rest look like today, if you didn't have to earn it?"),
        (
            "acceptance.changed-mind",
            "What have you changed your mind about over the "
            "years, and what does that say about you?",
        ),
        ("acceptance.strength-soft", "Which of your soft spots is also a strength?"),
    ),
    "compassion": (
        (
            "compassion.friend-letter",
            "Something is weighing on you. Write about it as a kind friend would write to you.",
        ),
        (
            "compassion.hard-moment",
            "Think of a hard moment this week. What did you need then that you can offer "
            "yourself now?",
        ),
        (
            "compassion.common",
            "What are you struggling with that many other people quietly struggle with too?",
        ),
        (
            "compassion.inner-voice",
            "What did your inner voice say after a mistake lately? How would you answer it gently?",
        ),
        ("compassion.tired", "Where are you tired? Describe it without apologising for it."),
        (
            "compassion.small-care",
            "What small act of care could you give yourself before the day ends?",
        ),
        (
            "compassion.forgive",
            "Is there something you are still holding against yourself? What would loosening "
            "your grip feel like?",
        ),
        (
            "compassion.doing-best",
            "Write about a time you did your best with what you had, even if it wasn't perfect.",
        ),
        (
            "compassion.worry",
            "Put one worry on the page. What would you say to it "
            "if it belonged to someone you love?",
        ),
        (
            "compassion.permission",
            "What do you want permission for right now? Give it to yourself in a sentence.",
        ),
        (
            "compassion.hand-on-heart",
            "Pause, breathe, and notice where you feel today in your body. What is it asking for?",
        ),
        (
            "compassion.growth",
            "What is something you are learning slowly? Describe how far you have already come.",
        ),
        (
            "compassion.boundary",
            "Where did you say yes when you meant no? What would a kind no have sounded like?",
        ),
    ),
    "opening-up": (
        ("opening-up.unsaid", "What have you been meaning to tell someone, but haven't yet?"),
        (
            "opening-up.first-words",
            "If you shared how you are really doing with one person, what would your first "
            "sentence be?",
        ),
        (
            "opening-up.who-safe",
            "Who do you feel safest being unpolished with? What makes that so?",
        ),
        (
            "opening-up.need",
            "What do you need from the people close to you that you rarely ask for?",
        ),
        (
            "opening-up.afraid-they-think",
            "What are you afraid someone would think if they knew this about you? "
            "What might they actually think?",
        ),
        ("opening-up.proud-secret", "What are you quietly proud of that you have told nobody?"),
        (
            "opening-up.small-share",
            "Choose a small, true thing about your week to share "
            "with someone. Write it here first.",
        ),
        (
            "opening-up.listened",
            "Remember a time someone really listened to you. What did they do that helped?",
        ),
        (
            "opening-up.return",
            "When did someone open up to you? How did it feel to be trusted with it?",
        ),
        ("opening-up.missing", "Who do you miss? What would you want them to know?"),
        (
            "opening-up.hard-feeling",
            "Which feeling is hardest for you to show others? Where did you learn to hide it?",
        ),
        (
            "opening-up.ask-for-help",
            "What would it take for you to ask for help with something this week?",
        ),
        (
            "opening-up.apology",
            "Is there an apology or a thank-you you are carrying? Draft it, just for you.",
        ),
    ),
    "connection": (
        (
            "connection.small-kindness",
            "Which small kindness did you receive recently? Who gave it?",
        ),
        ("connection.laughed", "When did you last laugh with someone? What made it funny?"),
        ("connection.three-good", "Write down three good things from today, however small."),
        (
            "connection.shaped-you",
            "Who has shaped the way you see the world? What did they give you?",
        ),
        (
            "connection.reach-out",
            "Who crossed your mind today? What could a short message to them say?",
        ),
        (
            "connection.place",
            "Which place makes you feel at home? Who is there with you, in your mind?",
        ),
        (
            "connection.shared-moment",
            "Describe a recent moment you shared with someone, as if you wanted to keep it.",
        ),
        ("connection.thank-later", "Who helped you in a way you never thanked them for?"),
        ("connection.ordinary-ritual", "Which ordinary ritual with someone do you treasure?"),
        ("connection.noticed", "What did you notice today that you would like to show someone?"),
        (
            "connection.closer",
            "Who would you like to feel closer to this year? What is one small step?",
        ),
        (
            "connection.gift-of-time",
            "Who gave you their time recently, and what did it mean to you?",
        ),
    ),
}

PROMPTS: tuple[Prompt, ...] = tuple(
    Prompt(key=key, theme=theme, text=text)
    for theme, items in _PROMPTS.items()
    for key, text in items
)

PROMPTS_BY_KEY: dict[str, Prompt] = {prompt.key: prompt for prompt in PROMPTS}


def prompt_by_key(key: str | None) -> Prompt | None:
    """Return the built-in prompt with ``key``, or None when unknown or empty."""
    if not key:
        return None
    return PROMPTS_BY_KEY.get(key)


def prompts_for(theme: str | None) -> tuple[Prompt, ...]:
    """Return the prompts of ``theme``, or all of them when theme is None or unknown."""
    if theme and theme in THEMES_BY_KEY:
        return tuple(p for p in PROMPTS if p.theme == theme)
    return PROMPTS
