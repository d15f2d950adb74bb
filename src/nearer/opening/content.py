"""The sealed part of a share: its shape, the choices it offers and their words.

Where a share stands and its dates are in the clear (models.py); everything a
person says or rates about it is this one sealed JSON object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.moments.content import HOW_LABELS
from nearer.opening.models import Share
from nearer.people.content import CLOSENESS_MAX, CLOSENESS_MIN
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(Share, "content")

ANXIETY_MIN, ANXIETY_MAX = 0, 10
MAX_TEXT = 20_000  # what I want to say: a long letter fits
MAX_NOTE = 5_000  # fears, hopes, my words on how it was received
MAX_PEOPLE = 20

# How it was received: a few kind options, any number of them, plus my own words.
RECEPTIONS: tuple[tuple[str, str], ...] = (
    ("listened", "They listened"),
    ("understood", "They understood"),
    ("kind", "They were kind"),
    ("grateful", "They were glad I told them"),
    ("needed_time", "They needed some time"),
    ("hard", "It was harder than I hoped"),
)
RECEPTION_LABELS: dict[str, str] = dict(RECEPTIONS)

# Did they open up in return?
RECIPROCATED: tuple[tuple[str, str], ...] = (
    ("yes", "Yes, they opened up too"),
    ("no", "Not this time"),
)
RECIPROCATED_LABELS: dict[str, str] = dict(RECIPROCATED)


@dataclass(frozen=True, slots=True, repr=False)
class ShareContent:
    """What a person said about one share.

    Preparing: ``text``, ``people`` (ids of their own People), ``fear``, ``hope``,
    ``anxiety_before`` 0–10. Shared: ``how`` (a moment's HOWS key). Reflected:
    ``reception`` (RECEPTIONS keys), ``reception_note``, ``anxiety_after`` 0–10,
    ``closeness_after`` (1–7, the People closeness pictures), ``reciprocated``
    ("yes", "no" or "" when not said). Let go: ``let_go_note``.
    """

    text: str = ""
    people: tuple[str, ...] = ()
    fear: str = ""
    hope: str = ""
    anxiety_before: int | None = None
    how: str = ""
    reception: tuple[str, ...] = ()
    reception_note: str = ""
    anxiety_after: int | None = None
    closeness_after: int | None = None
    reciprocated: str = ""
    let_go_note: str = ""

    def __repr__(self) -> str:
        # Never the words: reprs end up in debug logs (e.g. a template's context).
        return f"ShareContent(people={len(self.people)}, ...)"

    @property
    def how_label(self) -> str:
        return HOW_LABELS.get(self.how, "")

    @property
    def reception_labels(self) -> list[str]:
        return [RECEPTION_LABELS[key] for key in self.reception if key in RECEPTION_LABELS]

    @property
    def reciprocated_label(self) -> str:
        return RECIPROCATED_LABELS.get(self.reciprocated, "")

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "people": list(self.people),
            "fear": self.fear,
            "hope": self.hope,
            "anxiety_before": self.anxiety_before,
            "how": self.how,
            "reception": list(self.reception),
            "reception_note": self.reception_note,
            "anxiety_after": self.anxiety_after,
            "closeness_after": self.closeness_after,
            "reciprocated": self.reciprocated,
            "let_go_note": self.let_go_note,
        }

    @classmethod
    def from_json(cls, value: Any) -> ShareContent:
        """Build from an opened value; raise SealError if it is not a share's shape."""
        if type(value) is not dict:
            raise SealError("share content is not an object")
        texts = ("text", "fear", "hope", "how", "reception_note", "reciprocated", "let_go_note")
        numbers = ("anxiety_before", "anxiety_after", "closeness_after")
        lists = ("people", "reception")
        if (
            any(type(value.get(key, "")) is not str for key in texts)
            or any(
                value.get(key) is not None and type(value.get(key)) is not int for key in numbers
            )
            or any(type(value.get(key, [])) is not list for key in lists)
            or any(type(item) is not str for key in lists for item in value.get(key, []))
        ):
            raise SealError("share content has an unexpected shape")

        def anxiety(key: str) -> int | None:
            number = value.get(key)
            return number if number is not None and ANXIETY_MIN <= number <= ANXIETY_MAX else None

        closeness = value.get("closeness_after")
        return cls(
            text=value.get("text", ""),
            people=tuple(value.get("people", [])),
            fear=value.get("fear", ""),
            hope=value.get("hope", ""),
            anxiety_before=anxiety("anxiety_before"),
            how=value.get("how", "") if value.get("how", "") in HOW_LABELS else "",
            reception=tuple(key for key in value.get("reception", []) if key in RECEPTION_LABELS),
            reception_note=value.get("reception_note", ""),
            anxiety_after=anxiety("anxiety_after"),
            closeness_after=closeness
            if closeness is not None and CLOSENESS_MIN <= closeness <= CLOSENESS_MAX
            else None,
            reciprocated=value.get("reciprocated", "")
            if value.get("reciprocated", "") in RECIPROCATED_LABELS
            else "",
            let_go_note=value.get("let_go_note", ""),
        )


def content_seal(vault: Vault, share_id: UUID, content: ShareContent) -> bytes:
    """Return ``content`` sealed for the share ``share_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, share_id, content.as_json())


def content_open(vault: Vault, share_id: UUID, sealed: bytes | memoryview) -> ShareContent:
    """Return the content sealed on share ``share_id``; raise SealError if it won't open."""
    raw = vault.open_bytes(CONTENT_LABEL, share_id, bytes(sealed))
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise SealError("share content is not valid JSON") from None
    return ShareContent.from_json(value)
