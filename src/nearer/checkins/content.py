"""What a check-in holds: the two scales, the quadrants, our emotion words, the sealed shape.

The model is Russell's circumplex of affect (1980): how pleasant a feeling is, and
how much energy it carries. Each is rated on a five-step symmetric scale, −2 to +2,
with a word at every step, so a person taps a word rather than guesses a number.

Quadrants: energy above the middle is "high", below is "low"; pleasantness above
is "pleasant", below is "unpleasant". The middle step of a scale belongs to
neither side, so a rating on a middle line touches two quadrants (both sides of
that line) and the very centre touches all four. We do not force a side: the
person is offered the words of every quadrant their rating touches, and the word
they choose decides the check-in's quadrant. A feeling is thereby always named
by the person, never assigned by a rule they cannot see.

The emotion words are our own list, about ten per quadrant, in plain English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError

from nearer.checkins.models import CheckIn
from nearer.journal import rules as journal_rules
from nearer.lib.private import QuietRepr
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(CheckIn, "content")

SCALE_MIN, SCALE_MAX = -2, 2

# (value, words shown beside the radio). The middle is a real answer, not "skip".
PLEASANTNESS: tuple[tuple[int, str], ...] = (
    (-2, "Very unpleasant"),
    (-1, "Unpleasant"),
    (0, "In between"),
    (1, "Pleasant"),
    (2, "Very pleasant"),
)
ENERGY: tuple[tuple[int, str], ...] = (
    (-2, "Very low"),
    (-1, "Low"),
    (0, "In between"),
    (1, "High"),
    (2, "Very high"),
)
PLEASANTNESS_WORDS = dict(PLEASANTNESS)
ENERGY_WORDS = dict(ENERGY)

Quadrant = Literal["high_unpleasant", "high_pleasant", "low_unpleasant", "low_pleasant"]


@dataclass(frozen=True, slots=True)
class QuadrantInfo:
    """A quadrant as pages show it: a name, a short CSS code, and a shape (not colour alone)."""

    key: Quadrant
    name: str
    code: str
    shape: str
    hint: str


QUADRANTS: tuple[QuadrantInfo, ...] = (
    QuadrantInfo(
        "high_unpleasant", "High energy, unpleasant", "hu", "triangle", "tense, stirred up"
    ),
    QuadrantInfo("high_pleasant", "High energy, pleasant", "hp", "circle", "bright, lively"),
    QuadrantInfo("low_unpleasant", "Low energy, unpleasant", "lu", "square", "heavy, flat"),
    QuadrantInfo("low_pleasant", "Low energy, pleasant", "lp", "diamond", "calm, at ease"),
)
QUADRANT_BY_KEY: dict[str, QuadrantInfo] = {q.key: q for q in QUADRANTS}

# Our own words, about ten per quadrant, alphabetical within each.
_WORDS: dict[Quadrant, tuple[str, ...]] = {
    "high_unpleasant": (
        "Angry",
        "Anxious",
        "Frustrated",
        "Irritated",
        "Jittery",
        "Nervous",
        "Overwhelmed",
        "Restless",
        "Stressed",
        "Worried",
    ),
    "high_pleasant": (
        "Cheerful",
        "Curious",
        "Energised",
        "Excited",
        "Hopeful",
        "Inspired",
        "Joyful",
        "Loving",
        "Playful",
        "Proud",
    ),
    "low_unpleasant": (
        "Bored",
        "Disappointed",
        "Discouraged",
        "Down",
        "Drained",
        "Hurt",
        "Lonely",
        "Numb",
        "Sad",
        "Tired",
    ),
    "low_pleasant": (
        "At ease",
        "Calm",
        "Connected",
        "Content",
        "Cosy",
        "Grateful",
        "Peaceful",
        "Relaxed",
        "Safe",
        "Tender",
    ),
}


@dataclass(frozen=True, slots=True)
class Emotion:
    key: str
    label: str
    quadrant: Quadrant


def _key(label: str) -> str:
    return label.lower().replace(" ", "-")


EMOTIONS: tuple[Emotion, ...] = tuple(
    Emotion(_key(label), label, quadrant) for quadrant, labels in _WORDS.items() for label in labels
)
EMOTION_BY_KEY: dict[str, Emotion] = {e.key: e for e in EMOTIONS}

MAX_NOTE = 2_000
MAX_PEOPLE = 20
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def quadrants_for(pleasantness: int, energy: int) -> tuple[QuadrantInfo, ...]:
    """Return the quadrants a rating touches (one, two on a middle line, four at the centre)."""
    energies = ("high",) if energy > 0 else ("low",) if energy < 0 else ("high", "low")
    feelings = (
        ("pleasant",)
        if pleasantness > 0
        else ("unpleasant",)
        if pleasantness < 0
        else ("unpleasant", "pleasant")
    )
    keys = {f"{e}_{f}" for e in energies for f in feelings}
    return tuple(q for q in QUADRANTS if q.key in keys)


def emotions_for(pleasantness: int, energy: int) -> list[tuple[QuadrantInfo, list[Emotion]]]:
    """Return the words to offer for a rating, grouped by quadrant."""
    touched = quadrants_for(pleasantness, energy)
    return [(q, [e for e in EMOTIONS if e.quadrant == q.key]) for q in touched]


# --- Rules shared by forms and services ----------------------------------------


def scale_clean(value: object, *, what: str) -> int:
    """Return ``value`` as a step of a scale (−2..+2); raise ValidationError otherwise."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            value = None
    if type(value) is not int or not SCALE_MIN <= value <= SCALE_MAX:
        raise ValidationError(
            f"Please choose one of the five steps for {what}.", code="scale_invalid"
        )
    return value


def emotion_clean(value: object, *, pleasantness: int, energy: int) -> str:
    """Return the key of a known word that fits the rating; raise ValidationError otherwise."""
    emotion = EMOTION_BY_KEY.get(value) if isinstance(value, str) else None
    if emotion is None:
        raise ValidationError("Please choose one of the words shown.", code="emotion_unknown")
    if emotion.quadrant not in {q.key for q in quadrants_for(pleasantness, energy)}:
        raise ValidationError(
            "That word doesn't fit how pleasant and how energetic you said you feel. "
            "Please choose one of the words shown, or change your answers.",
            code="emotion_mismatch",
        )
    return emotion.key


def people_clean(values: Iterable[object], *, known: Collection[str]) -> tuple[str, ...]:
    """Return person ids (as strings, de-duplicated) that are all among ``known``.

    ``known`` is the set of the person's own people ids: an id that is not one of
    them (someone else's, made up, or malformed) is refused, never stored.
    """
    cleaned: list[str] = []
    for raw in values:
        try:
            person_id = str(UUID(str(raw)))
        except ValueError:
            person_id = ""
        if person_id not in known:
            raise ValidationError(
                "One of the people chosen isn't in your People any more. Please choose again.",
                code="person_unknown",
            )
        if person_id not in cleaned:
            cleaned.append(person_id)
    if len(cleaned) > MAX_PEOPLE:
        raise ValidationError(f"Please choose at most {MAX_PEOPLE} people.", code="too_many_people")
    return tuple(cleaned)


def note_clean(value: object) -> str:
    """Return the note with tidy line breaks; raise ValidationError when too long."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > MAX_NOTE:
        raise ValidationError(
            f"Please keep the note to {MAX_NOTE:,} characters (it has {len(text):,}). "
            "Nothing was saved.",
            code="note_too_long",
        )
    return text


def tags_clean(value: Iterable[str] | str) -> tuple[str, ...]:
    """Return tags trimmed and de-duplicated (journal's rules); text is split on commas."""
    raw = journal_rules.tags_from_text(value) if isinstance(value, str) else value
    return tuple(journal_rules.tags_clean(raw))


# --- The sealed shape ----------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class CheckInContent(QuietRepr):
    """What a person rated and wrote in one check-in. ``time`` is their local "HH:MM"."""

    pleasantness: int
    energy: int
    emotion: str
    people: tuple[str, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())
    note: str = ""
    time: str = ""

    @property
    def emotion_info(self) -> Emotion:
        return EMOTION_BY_KEY[self.emotion]

    @property
    def quadrant(self) -> QuadrantInfo:
        return QUADRANT_BY_KEY[self.emotion_info.quadrant]

    def as_json(self) -> dict[str, Any]:
        return {
            "pleasantness": self.pleasantness,
            "energy": self.energy,
            "emotion": self.emotion,
            "people": list(self.people),
            "tags": list(self.tags),
            "note": self.note,
            "time": self.time,
        }

    @classmethod
    def from_json(cls, value: Any) -> CheckInContent:
        """Build from an opened JSON value; raise SealError if it is not a check-in's shape."""
        if type(value) is not dict:
            raise SealError("check-in content is not an object")
        p, e, word = value.get("pleasantness"), value.get("energy"), value.get("emotion")
        people, tags = value.get("people", []), value.get("tags", [])
        note, time = value.get("note", ""), value.get("time", "")
        if (
            type(p) is not int
            or type(e) is not int
            or not SCALE_MIN <= p <= SCALE_MAX
            or not SCALE_MIN <= e <= SCALE_MAX
            or word not in EMOTION_BY_KEY
            or type(people) is not list
            or type(tags) is not list
            or type(note) is not str
            or type(time) is not str
        ):
            raise SealError("check-in content has an unexpected shape")
        return cls(
            p,
            e,
            word,
            tuple(map(str, people)),
            tuple(map(str, tags)),
            note,
            time if _TIME.match(time) else "",
        )


def content_seal(vault: Vault, checkin_id: UUID, content: CheckInContent) -> bytes:
    """Return ``content`` sealed for the check-in ``checkin_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, checkin_id, content.as_json())


def content_open(vault: Vault, checkin_id: UUID, sealed: bytes | memoryview) -> CheckInContent:
    """Return the content sealed on ``checkin_id``; raise SealError if it won't open."""
    raw = vault.open_bytes(CONTENT_LABEL, checkin_id, bytes(sealed))
    try:
        value = json.loads(raw)
    except ValueError:
        raise SealError("check-in content is not valid JSON") from None
    return CheckInContent.from_json(value)


# --- The one-tap grid ------------------------------------------------------------
# Both scales as one 5 × 5 grid: columns from very unpleasant (left) to very
# pleasant (right), rows from very high energy (top) to very low (bottom). One
# radio per cell, all of one name, its value "pleasantness,energy" (e.g. "1,-1"),
# so the stored check-in keeps its two numbers as before.

# What a screen reader hears for each step (the visible words stay in the scales above).
PLEASANTNESS_SAID: dict[int, str] = {
    -2: "very unpleasant",
    -1: "unpleasant",
    0: "neutral",
    1: "pleasant",
    2: "very pleasant",
}
ENERGY_SAID: dict[int, str] = {
    2: "very high energy",
    1: "high energy",
    0: "medium energy",
    -1: "low energy",
    -2: "very low energy",
}


@dataclass(frozen=True, slots=True)
class GridCell:
    """One cell of the grid: its two steps, its value, its name and how it is drawn."""

    pleasantness: int
    energy: int

    @property
    def value(self) -> str:
        return f"{self.pleasantness},{self.energy}"

    @property
    def said(self) -> str:
        """The cell's accessible name, e.g. "pleasant, high energy"."""
        return f"{PLEASANTNESS_SAID[self.pleasantness]}, {ENERGY_SAID[self.energy]}"

    @property
    def code(self) -> str:
        """The quadrant's short code (hu, hp, lu, lp), or "mid" on a middle line."""
        if self.pleasantness == 0 or self.energy == 0:
            return "mid"
        return ("h" if self.energy > 0 else "l") + ("p" if self.pleasantness > 0 else "u")

    @property
    def strength(self) -> int:
        """How far from the centre (0 to 2): drawn as a bigger, stronger mark."""
        return max(abs(self.pleasantness), abs(self.energy))


# In reading order: top row first (very high energy), left to right.
GRID: tuple[GridCell, ...] = tuple(
    GridCell(p, e)
    for e in range(SCALE_MAX, SCALE_MIN - 1, -1)
    for p in range(SCALE_MIN, SCALE_MAX + 1)
)
GRID_BY_VALUE: dict[str, GridCell] = {cell.value: cell for cell in GRID}


def cell_of(value: object) -> GridCell | None:
    """Return the grid cell a posted value names, or None if it names none."""
    return GRID_BY_VALUE.get(value.strip()) if isinstance(value, str) else None
