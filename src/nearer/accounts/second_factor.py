"""The second factor's services: an authenticator app (TOTP), backup codes, the step between.

Where the secret lives: the TOTP secret is sealed with the person's data key, like
everything else of theirs. It is needed before the vault is started, but not before
the data key is open: the login's password check opens the data key
(``take_unlocked_dek``), and the pending second step holds it, sealed under a key
that only the person's cookie carries (``pending_start``). Backup codes are kept only
as HMACs keyed with the server's pepper, with the account in the message.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from nearer.accounts import totp
from nearer.accounts.models import User
from nearer.accounts.notices import Notice, notice_send
from nearer.accounts.second_factor_models import (
    BackupCode,
    Passkey,
    SecondFactorPending,
    TotpDevice,
)
from nearer.lib.private import QuietRepr
from nearer.vault.box import Vault
from nearer.vault.crypto import Sealer, SealError, hkdf

BACKUP_CODE_COUNT = 10
# Ten characters of an alphabet without 0/o, 1/l/i: 50 bits each, typed from paper.
BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_LENGTH = 10
PENDING_MINUTES = 5
# Wrong codes one password step may try before the password is asked again; each is
# also counted by django-axes like a wrong password (the views send the signal).
PENDING_WRONG_LIMIT = 5
_SECRET_LABEL = Vault.label(TotpDevice, "secret_sealed")
_PENDING_AAD = b"nearer/second-step/v1|"


def totp_active(*, user: User) -> bool:
    """True when the person's login asks for a code from their authenticator app."""
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def second_factor_on(*, user: User) -> bool:
    """True when the login has a second step: an authenticator app, a passkey, or both."""
    return totp_active(user=user) or Passkey.objects.filter(user=user).exists()


def backup_codes_left(*, user: User) -> int:
    """Return how many unused backup codes the person has."""
    return BackupCode.objects.filter(user=user, used_at__isnull=True).count()


@transaction.atomic
def totp_setup_begin(*, user: User, vault: Vault) -> str:
    """Return a new secret to show as a QR code, kept sealed until a first code confirms it.

    Refuses (ValueError) when an app is already confirmed: turning it off comes first.
    """
    if totp_active(user=user):
        raise ValueError("an authenticator app is already set up")
    secret = totp.new_secret()
    TotpDevice.objects.update_or_create(
        user=user,
        defaults={"secret_sealed": vault.seal_text(_SECRET_LABEL, user.pk, secret), "last_step": 0},
    )
    return secret


def totp_setup_secret(*, user: User, vault: Vault) -> str | None:
    """Return the secret being set up (not yet confirmed), or None."""
    device = TotpDevice.objects.filter(user=user, confirmed_at__isnull=True).first()
    if device is None:
        return None
    try:
        return vault.open_text(_SECRET_LABEL, user.pk, bytes(device.secret_sealed))
    except SealError:
        return None


def _backup_hash(user_id: int, code: str) -> str:
    normal = "".join(code.lower().split()).replace("-", "")
    return hmac.new(
        str(settings.VAULT_PEPPER).encode("utf-8"),
        f"nearer/backup-code/v1|{user_id}|{normal}".encode(),
        hashlib.sha256,
    ).hexdigest()


def _backup_codes_new(*, user: User) -> list[str]:
    BackupCode.objects.filter(user=user).delete()
    codes = [
        "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_LENGTH))
        for _ in range(BACKUP_CODE_COUNT)
    ]
    BackupCode.objects.bulk_create(
        BackupCode(user=user, code_hash=_backup_hash(user.pk, code)) for code in codes
    )
    return [f"{code[:5]}-{code[5:]}" for code in codes]


@transaction.atomic
def totp_setup_confirm(*, user: User, vault: Vault, code: str) -> list[str] | None:
    """Turn the app on when ``code`` is its current code; return ten new backup codes.

    None (and nothing changed) when the code is wrong or nothing is being set up.
    The backup codes are returned once, to be shown once; only their hashes are kept.
    """
    device = (
        TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
    )
    if device is None:
        return None
    try:
        secret = vault.open_text(_SECRET_LABEL, user.pk, bytes(device.secret_sealed))
    except SealError:
        return None
    step = totp.matching_step(secret, code)
    if step is None:
        return None
    device.confirmed_at = timezone.now()
    device.last_step = step
    device.save(update_fields=["confirmed_at", "last_step"])
    return _backup_codes_new(user=user)


@transaction.atomic
def backup_codes_renew(*, user: User) -> list[str]:
    """Replace the person's backup codes with ten new ones (the old ones stop working)."""
    return _backup_codes_new(user=user)


@transaction.atomic
def backup_codes_first(*, user: User) -> list[str] | None:
    """Return ten backup codes for a first factor (a first passkey), or None if kept.

    Backup codes come with the first factor of any kind: whoever has a second step
    has a way in without the phone or the key. Someone who has codes keeps them.
    """
    if BackupCode.objects.filter(user=user).exists():
        return None
    return _backup_codes_new(user=user)


def code_accept(*, user: User, vault: Vault, typed: str, now: float | None = None) -> bool:
    """Return True when ``typed`` is a current app code not used before, or an unused
    backup code, and mark it used. Two requests with one code: only one is accepted.
    """
    device = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    secret = None
    if device is not None:
        try:
            secret = vault.open_text(_SECRET_LABEL, user.pk, bytes(device.secret_sealed))
        except SealError:
            secret = None
    # With passkeys alone there is no app: a backup code is the code that can be typed.
    step = totp.matching_step(secret, typed, now=now) if secret is not None else None
    if device is not None and step is not None:
        # Conditional UPDATE: of two requests with one code, the database lets one
        # move last_step past it; the other finds no row to update and is refused.
        return (
            TotpDevice.objects.filter(pk=device.pk, last_step__lt=step).update(last_step=step) == 1
        )
    # A backup code: the same conditional UPDATE makes it single use under a race.
    return (
        BackupCode.objects.filter(
            user=user, code_hash=_backup_hash(user.pk, typed), used_at__isnull=True
        ).update(used_at=timezone.now())
        == 1
    )


@transaction.atomic
def second_factor_turn_off(*, user: User) -> None:
    """Forget the app, every backup code and passkey: the login asks for the password only.

    The caller has checked the password (and a code, when there is an app); a
    verified address is told.
    """
    had = second_factor_on(user=user)
    TotpDevice.objects.filter(user=user).delete()
    BackupCode.objects.filter(user=user).delete()
    Passkey.objects.filter(user=user).delete()
    if had:
        notice_send(user=user, notice=Notice.SECOND_FACTOR_OFF)


@dataclass(frozen=True, repr=False)
class Pending(QuietRepr):
    """The second step's state, opened from its row and the person's cookie."""

    user: User
    dek: bytes
    next_path: str
    token_hash: str


def _token_hash(token: str) -> str:
    return hashlib.sha256(b"nearer/second-step-id|" + token.encode("utf-8")).hexdigest()


def _token_key(token: str) -> bytes:
    return hkdf(token.encode("utf-8"), salt=b"nearer/second-step", info=b"dek")


@transaction.atomic
def pending_start(*, user: User, dek: bytes, next_path: str) -> str:
    """Keep the opened data key for the second step; return the cookie's value.

    The row holds the key sealed under a key derived from the returned token; only a
    hash of the token finds the row. Old pending rows are swept as new ones come.
    """
    now = timezone.now()
    SecondFactorPending.objects.filter(expires_at__lt=now).delete()
    token = secrets.token_urlsafe(32)
    token_hash = _token_hash(token)
    SecondFactorPending.objects.create(
        token_hash=token_hash,
        user=user,
        dek_sealed=Sealer(_token_key(token)).seal(dek, _PENDING_AAD + token_hash.encode()),
        next_path=next_path,
        expires_at=now + timedelta(minutes=PENDING_MINUTES),
    )
    return token


def pending_open(*, token: str) -> Pending | None:
    """Return the second step of this cookie if it is still open, else None."""
    if not token or len(token) > 200:
        return None
    token_hash = _token_hash(token)
    row = (
        SecondFactorPending.objects.select_related("user")
        .filter(token_hash=token_hash, expires_at__gte=timezone.now(), user__is_active=True)
        .first()
    )
    if row is None:
        return None
    try:
        dek = Sealer(_token_key(token)).open(
            bytes(row.dek_sealed), _PENDING_AAD + token_hash.encode()
        )
    except SealError:
        return None
    return Pending(user=row.user, dek=dek, next_path=row.next_path, token_hash=token_hash)


def pending_wrong_code(*, pending: Pending) -> bool:
    """Count a wrong code; return True when the step is now closed (too many wrong)."""
    # Counted in the database (F), so two wrong codes sent at once both count.
    SecondFactorPending.objects.filter(token_hash=pending.token_hash).update(
        wrong_codes=F("wrong_codes") + 1
    )
    row = SecondFactorPending.objects.filter(token_hash=pending.token_hash).first()
    if row is None or row.wrong_codes >= PENDING_WRONG_LIMIT:
        pending_end(pending=pending)
        return True
    return False


def pending_end(*, pending: Pending) -> None:
    """Forget the second step (after the right code, or too many wrong ones)."""
    SecondFactorPending.objects.filter(token_hash=pending.token_hash).delete()
