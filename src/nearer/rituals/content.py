"""The sealed parts of the rituals' rows: their shapes, limits and words.

Each value is sealed with the pair's key (``together.box.PairBox``) under the
row's label and id, so a value moved to another field, row or pair won't open.
A value that opens but has the wrong shape raises SealError like one that won't
open: the pages then say it can't be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from nearer.decks.session_content import SessionContent
from nearer.moments.content import KIND_LABELS
from nearer.rituals.models import (
    CheckinPart,
    DailyAnswer,
    PairDeckSession,
    RitualSettings,
    SharedMoment,
)
from nearer.rituals.questions import QUESTION_BY_ID
from nearer.together.box import PairBox
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

ANSWER_LABEL = Vault.label(DailyAnswer, "content")
SETTINGS_LABEL = Vault.label(RitualSettings, "content")
PART_LABEL = Vault.label(CheckinPart, "content")
SHARED_MOMENT_LABEL = Vault.label(SharedMoment, "content")
DECK_LABEL = Vault.label(PairDeckSession, "content")

# Limits, each said on the page beside its field.
MAX_ANSWER = 1_000
MAX_REPLY = 280
MAX_PART = 1_000
MAX_WISH = 280
MAX_SHARED_NOTE = 500

# A small fixed set of reactions to the other's answer: words, not scores.
REACTIONS: tuple[tuple[str, str], ...] = (
    ("warm", "That warms my heart"),
    ("laugh", "That made me laugh"),
    ("same", "Me too"),
    ("think", "That made me think"),
    ("hug", "Sending you a hug"),
)
REACTION_LABELS: dict[str, str] = dict(REACTIONS)

WEEKDAYS: tuple[tuple[int, str], ...] = (
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
)
WEEKDAY_LABELS: dict[int, str] = dict(WEEKDAYS)
# Until the two choose, the check-in falls on a Sunday.
DEFAULT_WEEKDAY = 6

# The parts of a check-in, in the order the two go through them.
PART_FIELDS: tuple[tuple[str, str, int], ...] = (
    ("appreciations", "What I appreciated about you this week", MAX_PART),
    ("went_well", "What went well for us", MAX_PART),
    ("hard", "What was hard", MAX_PART),
    ("wish", "One wish for the coming week", MAX_WISH),
)

# Where a shared moment came from.
SOURCES = ("logged", "deck")


class SpaceLike(Protocol):
    """What the rituals need of an open space (``together.space.Space``)."""

    @property
    def pair_id(self) -> UUID: ...

    @property
    def partner_id(self) -> int: ...

    @property
    def box(self) -> PairBox: ...


def _text(value: Any, limit: int) -> bool:
    return type(value) is str and len(value) <= limit


@dataclass(frozen=True, slots=True)
class Answer:
    """One partner's answer (to question ``question``), their reaction to the other's
    answer ("" none yet) and their reply to it ("" none)."""

    question: str
    answer: str
    reaction: str = ""
    reply: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"q": self.question, "a": self.answer, "r": self.reaction, "p": self.reply}

    @classmethod
    def from_json(cls, value: Any) -> Answer:
        if (
            type(value) is not dict
            or value.get("q") not in QUESTION_BY_ID
            or not _text(value.get("a"), MAX_ANSWER)
            or not (value.get("r") == "" or value.get("r") in REACTION_LABELS)
            or not _text(value.get("p"), MAX_REPLY)
        ):
            raise SealError("daily answer has an unexpected shape")
        return cls(question=value["q"], answer=value["a"], reaction=value["r"], reply=value["p"])


def answer_seal(box: PairBox, answer_id: UUID, answer: Answer) -> bytes:
    return box.seal_json(ANSWER_LABEL, answer_id, answer.as_json())


def answer_open(box: PairBox, answer_id: UUID, sealed: bytes | memoryview) -> Answer:
    """Return the answer sealed on DailyAnswer ``answer_id``; raise SealError."""
    return Answer.from_json(box.open_json(ANSWER_LABEL, answer_id, bytes(sealed)))


def weekday_seal(box: PairBox, pair_id: UUID, weekday: int) -> bytes:
    return box.seal_json(SETTINGS_LABEL, pair_id, {"weekday": weekday})


def weekday_open(box: PairBox, pair_id: UUID, sealed: bytes | memoryview) -> int:
    """Return the check-in weekday sealed on the pair's RitualSettings; raise SealError."""
    value = box.open_json(SETTINGS_LABEL, pair_id, bytes(sealed))
    if type(value) is not dict or value.get("weekday") not in WEEKDAY_LABELS:
        raise SealError("ritual settings have an unexpected shape")
    return int(value["weekday"])


@dataclass(frozen=True, slots=True)
class Part:
    """What one partner prepared for a check-in."""

    appreciations: str = ""
    went_well: str = ""
    hard: str = ""
    wish: str = ""

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name, _label, _limit in PART_FIELDS}

    @classmethod
    def from_json(cls, value: Any) -> Part:
        if type(value) is not dict or any(
            not _text(value.get(name), limit) for name, _label, limit in PART_FIELDS
        ):
            raise SealError("check-in part has an unexpected shape")
        return cls(**{name: value[name] for name, _label, _limit in PART_FIELDS})

    def sections(self) -> list[tuple[str, str]]:
        """Return (heading, text) for each part, in order."""
        return [(label, getattr(self, name)) for name, label, _limit in PART_FIELDS]


def part_seal(box: PairBox, part_id: UUID, part: Part) -> bytes:
    return box.seal_json(PART_LABEL, part_id, part.as_json())


def part_open(box: PairBox, part_id: UUID, sealed: bytes | memoryview) -> Part:
    """Return the part sealed on CheckinPart ``part_id``; raise SealError."""
    return Part.from_json(box.open_json(PART_LABEL, part_id, bytes(sealed)))


@dataclass(frozen=True, slots=True)
class Shared:
    """A shared moment: its kinds of closeness, a note, its minutes (None: not said)
    and where it came from ("logged" in the space, or an ended "deck" session)."""

    kinds: tuple[str, ...]
    note: str = ""
    minutes: int | None = None
    source: str = "logged"

    def as_json(self) -> dict[str, Any]:
        return {"k": list(self.kinds), "n": self.note, "m": self.minutes, "s": self.source}

    @classmethod
    def from_json(cls, value: Any) -> Shared:
        if (
            type(value) is not dict
            or type(value.get("k")) is not list
            or not all(kind in KIND_LABELS for kind in value["k"])
            or not _text(value.get("n"), MAX_SHARED_NOTE)
            or not (value.get("m") is None or type(value.get("m")) is int)
            or value.get("s") not in SOURCES
        ):
            raise SealError("shared moment has an unexpected shape")
        return cls(kinds=tuple(value["k"]), note=value["n"], minutes=value["m"], source=value["s"])


def shared_seal(box: PairBox, moment_id: UUID, shared: Shared) -> bytes:
    return box.seal_json(SHARED_MOMENT_LABEL, moment_id, shared.as_json())


def shared_open(box: PairBox, moment_id: UUID, sealed: bytes | memoryview) -> Shared:
    """Return the content sealed on SharedMoment ``moment_id``; raise SealError."""
    return Shared.from_json(box.open_json(SHARED_MOMENT_LABEL, moment_id, bytes(sealed)))


def deck_seal(box: PairBox, session_id: UUID, content: SessionContent) -> bytes:
    # The decks' own session shape; its turn "me" is whoever started the session.
    return box.seal_json(DECK_LABEL, session_id, content.as_json())


def deck_open(box: PairBox, session_id: UUID, sealed: bytes | memoryview) -> SessionContent:
    """Return the session sealed on PairDeckSession ``session_id``; raise SealError."""
    return SessionContent.from_json(box.open_json(DECK_LABEL, session_id, bytes(sealed)))
