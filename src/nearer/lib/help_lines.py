"""Help lines shown on "Get help now": configured by whoever runs the instance.

``NEARER_HELP_LINES`` lists entries separated by ``;`` (or new lines), each
``name|contact|description`` (the description may be left out). The contact is
a phone number, an ``http(s)://`` address, or any short text ("text HOME to ...").
``NEARER_HELP_EMERGENCY`` is the first sentence of the page.

The defaults name no country's number as if it were everyone's: they tell the
person to call their local emergency number, and point to two international
directories of help lines, by name, with a plain link the person may follow.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from nearer.lib.env import ConfigError, env_records, env_str

DEFAULT_EMERGENCY = (
    "If you or someone near you is in danger right now, call your local emergency number."
)

DEFAULT_LINES: list[tuple[str, ...]] = [
    (
        "Find A Helpline",
        "https://findahelpline.com",
        "A directory of free, confidential help lines by country and by topic.",
    ),
    (
        "Befrienders Worldwide",
        "https://befrienders.org",
        "Emotional support centres around the world, listed by country.",
    ),
]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{1,24}$")


@dataclass(frozen=True, slots=True)
class HelpLine:
    name: str
    contact: str
    description: str = ""

    @property
    def url(self) -> str:
        """An http(s) address, as given; "" when the contact is not one."""
        return self.contact if self.contact.lower().startswith(("http://", "https://")) else ""

    @property
    def phone(self) -> str:
        """The number to dial (digits and a leading +); "" when the contact is not one."""
        if not _PHONE.match(self.contact):
            return ""
        return ("+" if self.contact.startswith("+") else "") + re.sub(r"\D", "", self.contact)


def help_lines_from_env(
    name: str = "NEARER_HELP_LINES", environ: Mapping[str, str] = os.environ
) -> list[tuple[str, str, str]]:
    """Return the configured help lines as (name, contact, description) tuples.

    Raises ConfigError naming the variable for a malformed entry, or a contact that
    is a link of any scheme but http(s) (a ``javascript:`` link must never reach a
    page).
    """
    lines = []
    for record in env_records(name, DEFAULT_LINES, min_fields=2, max_fields=3, environ=environ):
        line_name, contact, description = record
        lowered = contact.lower()
        if _SCHEME.match(contact) and not lowered.startswith(("http://", "https://")):
            raise ConfigError(
                f"{name}: a contact may be a phone number, text or an "
                f"http(s) link (got {contact!r})."
            )
        if len(line_name) > 120 or len(contact) > 300 or len(description) > 300:
            raise ConfigError(f"{name}: entry {line_name[:40]!r} is too long.")
        lines.append((line_name, contact, description))
    return lines


def emergency_from_env(
    name: str = "NEARER_HELP_EMERGENCY", environ: Mapping[str, str] = os.environ
) -> str:
    """Return the emergency sentence (at most 300 characters)."""
    value = env_str(name, DEFAULT_EMERGENCY, environ=environ)
    if len(value) > 300:
        raise ConfigError(f"{name} must be at most 300 characters long.")
    return value


def help_lines(configured: list[tuple[str, str, str]]) -> list[HelpLine]:
    return [HelpLine(*entry) for entry in configured]
