"""The sealed parts of people: their shapes, choices and place labels.

One module everyone shares (people pages, moments, imports, check-ins) so a
person's details mean the same thing wherever they are opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from nearer.lib.private import QuietRepr
from nearer.people.models import ClosenessRating, ImportantDate, Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

PERSON_LABEL = Vault.label(Person, "content")
DATE_LABEL = Vault.label(ImportantDate, "content")
RATING_LABEL = Vault.label(ClosenessRating, "content")

Circle = Literal["inner", "close", "wider"]
CIRCLES: tuple[tuple[Circle, str], ...] = (
    ("inner", "Inner circle"),
    ("close", "Close"),
    ("wider", "Wider circle"),
)
CIRCLE_KEYS: frozenset[str] = frozenset(key for key, _ in CIRCLES)

RELATIONSHIPS: tuple[tuple[str, str], ...] = (
    ("partner", "Partner"),
    ("family", "Family"),
    ("friend", "Friend"),
    ("colleague", "Colleague"),
    ("other", "Other"),
)
RELATIONSHIP_KEYS: frozenset[str] = frozenset(key for key, _ in RELATIONSHIPS)

DateKind = Literal["birthday", "anniversary", "custom"]
DATE_KINDS: tuple[tuple[DateKind, str], ...] = (
    ("birthday", "Birthday"),
    ("anniversary", "Anniversary"),
    ("custom", "Another day"),
)

# The IOS scale's seven pictures, from barely touching to almost one.
CLOSENESS_MIN, CLOSENESS_MAX = 1, 7


@dataclass(frozen=True, slots=True, repr=False)
class PersonDetails(QuietRepr):
    """What a person wrote about someone.

    ``relationship`` is one of RELATIONSHIPS; ``relationship_label`` is the
    person's own word for it (shown instead of the key when given).
    ``rhythm_days`` is "about every N days" (the ideal); ``too_long_days`` the
    point after which it feels too long. Both None when no rhythm is wished.
    ``partner_user``: the account id of the partner this person is in a shared
    space with (Together), sealed here rather than in a clear column.
    """

    name: str
    called: str = ""
    relationship: str = "friend"
    relationship_label: str = ""
    circle: Circle = "close"
    notes: str = ""
    rhythm_days: int | None = None
    too_long_days: int | None = None
    partner_user: int | None = None

    @property
    def display_name(self) -> str:
        return self.called or self.name

    @property
    def rhythm(self) -> tuple[int | None, int | None]:
        """The wished rhythm as (ideal days, too-long days)."""
        return (self.rhythm_days, self.too_long_days)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "called": self.called,
            "relationship": self.relationship,
            "relationship_label": self.relationship_label,
            "circle": self.circle,
            "notes": self.notes,
            "rhythm_days": self.rhythm_days,
            "too_long_days": self.too_long_days,
        } | ({} if self.partner_user is None else {"partner_user": self.partner_user})

    @classmethod
    def from_json(cls, value: Any) -> PersonDetails:
        """Build from an opened value; raise SealError if it is not a person's shape."""
        if type(value) is not dict or type(value.get("name")) is not str:
            raise SealError("person content has an unexpected shape")
        circle = value.get("circle", "close")
        if circle not in CIRCLE_KEYS:
            raise SealError("person content has an unknown circle")
        rhythm, too_long = value.get("rhythm_days"), value.get("too_long_days")
        for number in (rhythm, too_long):
            if number is not None and type(number) is not int:
                raise SealError("person rhythm is not a whole number")
        partner_user = value.get("partner_user")
        if partner_user is not None and type(partner_user) is not int:
            raise SealError("person partner is not an account id")
        keys = ("called", "relationship", "relationship_label", "notes")
        texts = [value.get(k, "") for k in keys]
        if any(type(t) is not str for t in texts):
            raise SealError("person content has an unexpected shape")
        return cls(
            name=value["name"],
            called=texts[0],
            relationship=texts[1] or "other",
            relationship_label=texts[2],
            circle=circle,
            notes=texts[3],
            rhythm_days=rhythm,
            too_long_days=too_long,
            partner_user=partner_user,
        )
