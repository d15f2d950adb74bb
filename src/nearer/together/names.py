"""The names partners choose to be shown to each other, and how they are sealed.

Until the pair exists there is no pair key, so the inviter's name waits in the
invite sealed with a key derived from the invite code (and the pepper): only
someone holding the code opens it. At acceptance both names are sealed with the
pair key on each member's row.
"""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError

from nearer.together.box import PairBox
from nearer.vault.crypto import Sealer, SealError, hkdf

MAX_NAME = 60
NAME_LABEL = "together.member.shown_name"
SOMEONE = "Your partner"
# Key id of an invite's sealed name (the vault is 1, a pair key 2, a wrap 4).
KEY_ID_INVITE = 5


def name_clean(typed: str) -> str:
    """Return the name trimmed to one line; ValidationError when empty or too long."""
    name = " ".join(typed.split())
    if not name:
        raise ValidationError({"name": ["Please give a name for your partner to see."]})
    if len(name) > MAX_NAME:
        raise ValidationError({"name": [f"Please keep the name to {MAX_NAME} characters."]})
    return name


def _invite_sealer(code: str) -> Sealer:
    pepper = str(settings.VAULT_PEPPER).encode("utf-8")
    key = hkdf(code.encode("ascii"), salt=pepper, info=b"nearer/pair-invite-name/v1")
    return Sealer(key, key_id=KEY_ID_INVITE)


def invite_name_seal(code: str, invite_id: UUID, name: str) -> bytes:
    return _invite_sealer(code).seal(name.encode("utf-8"), f"invite.name|{invite_id}".encode())


def invite_name_open(code: str, invite_id: UUID, sealed: bytes | memoryview | None) -> str:
    """Return the inviter's name, or SOMEONE when there is none or it will not open."""
    if not sealed:
        return SOMEONE
    try:
        data = _invite_sealer(code).open(bytes(sealed), f"invite.name|{invite_id}".encode())
        return data.decode("utf-8")
    except (SealError, UnicodeDecodeError):
        return SOMEONE


def member_name_seal(box: PairBox, user_id: int, name: str) -> bytes:
    return box.seal_bytes(NAME_LABEL, user_id, name.encode("utf-8"))


def member_name_open(box: PairBox, user_id: int, sealed: bytes | memoryview | None) -> str:
    """Return a member's shown name, or SOMEONE when there is none or it will not open."""
    if not sealed:
        return SOMEONE
    try:
        return box.open_bytes(NAME_LABEL, user_id, bytes(sealed)).decode("utf-8")
    except (SealError, UnicodeDecodeError):
        return SOMEONE
