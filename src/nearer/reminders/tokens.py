"""Unsubscribe links: signed for one person and one kind, revoked by turning it on again.

A link in an email must work without logging in (the mail client's one-click POST
has no session), so it carries what it turns off: the account, the kind and the
row's ``link_generation``, signed with the secret key under a salt of its own (a
token made for anything else does not pass here). It does not expire: an old email's
link should still stop the reminders. Turning a kind on again moves the generation
on, so links in earlier emails (which someone may have seen) stop working.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

from nearer.reminders.models import KINDS

SALT = "nearer.reminders.unsubscribe"


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    """What a valid link turns off."""

    owner_id: int
    kind: str
    generation: int


def token_make(*, owner_id: int, kind: str, generation: int) -> str:
    """Return the token of a link that turns ``kind`` off for ``owner_id``."""
    if kind not in KINDS:
        raise ValueError(f"unknown reminder kind {kind!r}")
    return signing.dumps([owner_id, kind, generation], salt=SALT, compress=False)


def token_read(token: str) -> Unsubscribe | None:
    """Return what ``token`` turns off, or None when it is tampered with or malformed."""
    if len(token) > 200:  # ours are under 100 characters; never unsign a long one
        return None
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        type(value) is not list
        or len(value) != 3
        or type(value[0]) is not int
        or value[1] not in KINDS
        or type(value[2]) is not int
    ):
        return None
    return Unsubscribe(owner_id=value[0], kind=value[1], generation=value[2])
