"""The sealed part of a moment: its shape, the choices it offers and their words.

The day and who was there stay in the clear (models.py); everything else a person
says about a moment — how it happened, for how long, what kinds of intimacy it
held, how close it felt, who opened up, a note and the time of day — is one
sealed JSON object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.moments.models import Moment
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(Moment, "content")

HOWS: tuple[tuple[str, str], ...] = (
    ("in_person", "In person"),
    ("call", "Call"),
    ("video", "Video"),
    ("message", "Message"),
    ("letter", "Letter"),
    ("other", "Other"),
)
HOW_LABELS: dict[str, str] = dict(HOWS)

KINDS: tuple[tuple[str, str], ...] = (
    ("emotional", "Emotional"),
    ("physical", "Physical"),
    ("intellectual", "Intellectual"),
    ("experiential", "Experiential"),
    ("spiritual", "Spiritual"),
)
KIND_LABELS: dict[str, str] = dict(KINDS)
KIND_HELP: dict[str, str] = {
    "emotional": "feelings shared",
    "physical": "touch, closeness",
    "intellectual": "ideas, talk",
    "experiential": "doing something together",
    "spiritual": "meaning, values",
}

# How close it felt, 1 to 5, each with words so the number is never alone.
CLOSENESS: tuple[tuple[int, str], ...] = (
    (1, "Distant"),
    (2, "A little close"),
    (3, "Close"),
    (4, "Very close"),
    (5, "As close as can be"),
)
CLOSENESS_LABELS: dict[int, str] = dict(CLOSENESS)

OPENED_UP: tuple[tuple[str, str], ...] = (
    ("me", "I did"),
    ("them", "They did"),
    ("both", "We both did"),
    ("neither", "Neither of us"),
)
OPENED_UP_LABELS: dict[str, str] = dict(OPENED_UP)
# The same answers said as a sentence on a moment's row: the labels answer the form's
# question ("Who opened up?") and read oddly after "Opened up:".
OPENED_UP_SAID: dict[str, str] = {
    "me": "I opened up",
    "them": "They opened up",
    "both": "We both opened up",
    "neither": "Neither of us opened up",
}

MAX_MINUTES = 7 * 24 * 60  # a week: longer is surely a typing slip
MAX_NOTE = 10_000


@dataclass(frozen=True, slots=True, repr=False)
class MomentContent:
    """What a person said about one moment.

    ``time`` is "HH:MM" or None; ``closeness`` 1–5 or None; ``opened_up`` one of
    OPENED_UP's keys or "" when not said.
    """

    how: str
    time: str | None = None
    minutes: int | None = None
    kinds: tuple[str, ...] = ()
    closeness: int | None = None
    opened_up: str = ""
    note: str = ""

    def __repr__(self) -> str:
        # Never the note: reprs end up in debug logs (e.g. a template's context).
        return f"MomentContent(how={self.how!r}, ...)"

    @property
    def how_label(self) -> str:
        return HOW_LABELS.get(self.how, "Other")

    @property
    def kind_labels(self) -> list[str]:
        return [KIND_LABELS[kind] for kind in self.kinds if kind in KIND_LABELS]

    @property
    def closeness_label(self) -> str:
        return CLOSENESS_LABELS.get(self.closeness, "") if self.closeness else ""

    @property
    def opened_up_label(self) -> str:
        return OPENED_UP_LABELS.get(self.opened_up, "")

    @property
    def opened_up_said(self) -> str:
        return OPENED_UP_SAID.get(self.opened_up, "")

    def as_json(self) -> dict[str, Any]:
        return {
            "how": self.how,
            "time": self.time,
            "minutes": self.minutes,
            "kinds": list(self.kinds),
            "closeness": self.closeness,
            "opened_up": self.opened_up,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, value: Any) -> MomentContent:
        """Build from an opened value; raise SealError if it is not a moment's shape."""
        if type(value) is not dict:
            raise SealError("moment content is not an object")
        how, time, minutes = value.get("how"), value.get("time"), value.get("minutes")
        kinds, closeness = value.get("kinds", []), value.get("closeness")
        opened_up, note = value.get("opened_up", ""), value.get("note", "")
        if (
            type(how) is not str
            or (time is not None and type(time) is not str)
            or (minutes is not None and type(minutes) is not int)
            or type(kinds) is not list
            or (closeness is not None and type(closeness) is not int)
            or type(opened_up) is not str
            or type(note) is not str
        ):
            raise SealError("moment content has an unexpected shape")
        return cls(
            how=how if how in HOW_LABELS else "other",
            time=time,
            minutes=minutes,
            kinds=tuple(kind for kind in kinds if kind in KIND_LABELS),
            closeness=closeness if closeness in CLOSENESS_LABELS else None,
            opened_up=opened_up if opened_up in OPENED_UP_LABELS else "",
            note=note,
        )


def content_seal(vault: Vault, moment_id: UUID, content: MomentContent) -> bytes:
    """Return ``content`` sealed for the moment ``moment_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, moment_id, content.as_json())


def content_open(vault: Vault, moment_id: UUID, sealed: bytes | memoryview) -> MomentContent:
    """Return the content sealed on moment ``moment_id``; raise SealError if it won't open."""
    raw = vault.open_bytes(CONTENT_LABEL, moment_id, bytes(sealed))
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise SealError("moment content is not valid JSON") from None
    return MomentContent.from_json(value)
