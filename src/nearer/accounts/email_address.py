"""The account's email address: set, changed or removed, and proved by a link.

An address is used (security notices, reminders) only once the person opened the
link sent to it: until then ``User.email_verified_at`` is None, and it becomes None
again whenever the address changes.

The link carries a token signed with the server's secret (Django's signing, its own
salt) that names the account, a hash of the address and a random nonce; it is good
for 48 hours. The nonce is also kept on the account (``email_verify_nonce``) and
verifying clears it in the same conditional UPDATE that sets ``email_verified_at``,
so a link works once even when opened twice at once, and a new link (or a new
address) makes every earlier link useless. No table of tokens is needed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from nearer.accounts import mail
from nearer.accounts.models import User
from nearer.lib.private import QuietRepr

LINK_HOURS = 48
TOKEN_MAX = 400  # longer than any token made here; a longer one is not looked at
_SALT = "nearer.accounts.email-verify.v1"


def _address_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:32]


def _token(user: User, nonce: str) -> str:
    return signing.dumps({"u": user.pk, "e": _address_hash(user.email), "n": nonce}, salt=_SALT)


@transaction.atomic
def email_change(*, user: User, email: str) -> str | None:
    """Set the account's address (or remove it with ""); return a verification token.

    None when the address is removed or unchanged and already verified. A new or
    changed address is unverified until its link is opened. Raises ValidationError
    for an address that is not one (nothing is changed).
    """
    email = email.strip()
    unchanged = email.lower() == user.email.lower()
    if unchanged and (not email or user.email_verified_at is not None):
        return None
    user.email = email
    if not unchanged:
        user.email_verified_at = None
    user.email_verify_nonce = secrets.token_hex(16) if email else ""
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=["email", "email_verified_at", "email_verify_nonce"])
    return _token(user, user.email_verify_nonce) if email else None


@transaction.atomic
def verification_renew(*, user: User) -> str | None:
    """Return a new token for the unverified address (earlier links stop working)."""
    if not user.email or user.email_verified_at is not None:
        return None
    user.email_verify_nonce = secrets.token_hex(16)
    user.save(update_fields=["email_verify_nonce"])
    return _token(user, user.email_verify_nonce)


def link_for(*, token: str, site: str) -> str:
    """Return the full verification link; ``site`` is NEARER_BASE_URL or the request's."""
    base = settings.BASE_URL or site.rstrip("/")
    return base + reverse("accounts:email_verify", kwargs={"token": token})


def verification_send(*, user: User, link: str) -> bool:
    """Email the link to the account's address; False when the mail server failed."""
    body = (
        "Hello,\n\n"
        "Someone (we hope you) asked Nearer to send notices to this address.\n"
        "To confirm it is yours, open this link within 48 hours:\n\n"
        f"{link}\n\n"
        "The link works once. If this wasn't you, you can ignore this email: "
        "nothing will be sent here unless the link is opened.\n\n"
        "— Nearer\n"
    )
    return mail.send_plain(to=user.email, subject="Confirm your email for Nearer", body=body)


@dataclass(frozen=True, repr=False)
class Verified(QuietRepr):
    user: User


def _claims(token: str) -> tuple[int, str, str] | None:
    if not token or len(token) > TOKEN_MAX:
        return None
    try:
        value = signing.loads(token, salt=_SALT, max_age=timedelta(hours=LINK_HOURS))
    except signing.BadSignature:  # also SignatureExpired, a subclass
        return None
    if not isinstance(value, dict):
        return None
    user_id, address, nonce = value.get("u"), value.get("e"), value.get("n")
    if not isinstance(user_id, int) or not isinstance(address, str) or not isinstance(nonce, str):
        return None
    if not nonce:
        return None
    return user_id, address, nonce


def token_pending(*, token: str) -> bool:
    """True when ``token`` would verify an address now (for the confirm page)."""
    claims = _claims(token)
    if claims is None:
        return False
    user_id, address, nonce = claims
    user = User.objects.filter(
        pk=user_id, is_active=True, email_verify_nonce=nonce, email_verified_at__isnull=True
    ).first()
    return user is not None and _address_hash(user.email) == address


@transaction.atomic
def email_verify(*, token: str) -> Verified | None:
    """Mark the address the token was made for as verified; None when it can't be.

    Wrong, altered, expired, used, superseded, or for an address no longer the
    account's: None, and nothing changes.
    """
    claims = _claims(token)
    if claims is None:
        return None
    user_id, address, nonce = claims
    user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or _address_hash(user.email) != address:
        return None
    # Conditional UPDATE: of two requests with one link, only one finds the nonce.
    updated = User.objects.filter(
        pk=user.pk, email=user.email, email_verify_nonce=nonce, email_verified_at__isnull=True
    ).update(email_verified_at=timezone.now(), email_verify_nonce="")
    if updated != 1:
        return None
    user.refresh_from_db(fields=["email_verified_at", "email_verify_nonce"])
    return Verified(user=user)
