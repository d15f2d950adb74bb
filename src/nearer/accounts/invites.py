"""Sign-up invites for hosts (``NEARER_SIGNUP=invite``): made, taken once, revoked.

A code is shown once, to whoever made it (``nearer invite`` or the admin); only an
HMAC of it keyed with the pepper is kept, so a copy of the database names no code
and a code can't be tried against the table without the pepper.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import RecoveryAttempt, SignupInvite

DEFAULT_DAYS = 7
MAX_DAYS = 90
# Wrong codes are counted per address like recovery codes and login attempts: this
# many in the window and sign-up waits. A code has 100 random bits; the limit is to
# keep the table and the log quiet, not because a code could be guessed.
ATTEMPT_LIMIT = 5
ATTEMPT_WINDOW = timedelta(minutes=15)

NOT_AN_INVITE = (
    "That invite code doesn't open sign-up. It may have been typed differently, "
    "been used already, or have expired. Please ask the person who runs this Nearer "
    "for a new one."
)
THROTTLED = "Too many invite codes that didn't work. Please wait 15 minutes and try again."
DAYS_RANGE = f"An invite lasts from 1 to {MAX_DAYS} days."

# 20 characters of this alphabet (no 0/O, 1/I/L) are 100 random bits.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_CODE_CHARS = 20


def _normal(code: str) -> str:
    """The code as it was made: upper case, no spaces or dashes (people type both)."""
    return "".join(c for c in code.upper() if c not in " -\t")


def code_hash(code: str) -> str:
    """Return the peppered hash kept to recognise an invite code without storing it."""
    return hmac.new(
        str(settings.VAULT_PEPPER).encode("utf-8"),
        b"nearer/signup-invite/v1|" + _normal(code).encode("utf-8"),
        hashlib.sha256,
    ).hexdigest()


def _display(raw: str) -> str:
    return "-".join(raw[i : i + 5] for i in range(0, len(raw), 5))


@dataclass(frozen=True)
class InviteMade:
    code: str
    invite: SignupInvite


@transaction.atomic
def signup_invite_create(*, days: int = DEFAULT_DAYS) -> InviteMade:
    """Make an invite good for ``days`` days; return it with its code (shown once).

    Raises ValidationError when ``days`` is not 1 to 90.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(DAYS_RANGE)
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_CHARS))
    invite = SignupInvite.objects.create(
        code_hash=code_hash(raw), expires_at=timezone.now() + timedelta(days=days)
    )
    return InviteMade(code=_display(raw), invite=invite)


@transaction.atomic
def signup_invite_revoke(*, invite: SignupInvite) -> None:
    """End an invite that has not been used; a used one stays as it is."""
    SignupInvite.objects.filter(pk=invite.pk, used_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )


def _attempt_key(client: str) -> str:
    return hmac.new(
        str(settings.SECRET_KEY).encode(), f"signup-invite|{client}".encode(), hashlib.sha256
    ).hexdigest()


def invite_throttled(*, client: str) -> bool:
    """Return True when too many wrong invite codes came from this address lately."""
    since = timezone.now() - ATTEMPT_WINDOW
    return (
        RecoveryAttempt.objects.filter(key=_attempt_key(client), at__gte=since).count()
        >= ATTEMPT_LIMIT
    )


def invite_attempt_count(*, client: str) -> None:
    """Count one wrong invite code from ``client`` (in its own transaction)."""
    now = timezone.now()
    RecoveryAttempt.objects.filter(at__lt=now - ATTEMPT_WINDOW).delete()
    RecoveryAttempt.objects.create(key=_attempt_key(client), at=now)


def signup_invite_take(*, code: str) -> None:
    """Use up the invite of ``code``, inside the caller's transaction (the sign-up).

    Raises ValidationError({"invite": ...}) when no unused, unexpired invite has it.
    The conditional UPDATE decides a race: two sign-ups with one code at once, one
    of them changes the row and the other finds nothing left to take.
    """
    if not _normal(code):
        raise ValidationError({"invite": NOT_AN_INVITE})
    now = timezone.now()
    taken = SignupInvite.objects.filter(
        code_hash=code_hash(code), used_at=None, revoked_at=None, expires_at__gt=now
    ).update(used_at=now)
    if taken != 1:
        raise ValidationError({"invite": NOT_AN_INVITE})
