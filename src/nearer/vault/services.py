"""Writes to the keyring: create, unlock, rewrap, recover."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from nearer.vault import crypto
from nearer.vault.crypto import Sealer, SealError
from nearer.vault.models import Keyring
from nearer.vault.recovery_codes import new_code, normalise

KEY_ID_WRAP = 3


def _pepper() -> bytes:
    return str(settings.VAULT_PEPPER).encode("utf-8")


def _wrap_aad(user_id: int, purpose: str) -> bytes:
    return f"keyring.{purpose}|{user_id}".encode()


def _password_kek(keyring: Keyring, password: str) -> bytes:
    return crypto.password_key(
        password,
        salt=bytes(keyring.kdf_salt),
        pepper=_pepper(),
        memory_kib=keyring.kdf_memory_kib,
        time_cost=keyring.kdf_time_cost,
        parallelism=keyring.kdf_parallelism,
    )


def _set_password_wrap(keyring: Keyring, *, dek: bytes, password: str) -> None:
    params = settings.VAULT_KDF
    keyring.kdf_salt = os.urandom(16)
    keyring.kdf_memory_kib = int(params["memory_kib"])
    keyring.kdf_time_cost = int(params["time_cost"])
    keyring.kdf_parallelism = int(params["parallelism"])
    kek = _password_kek(keyring, password)
    keyring.dek_by_password = Sealer(kek, KEY_ID_WRAP).seal(
        dek, _wrap_aad(keyring.user_id, "password")
    )


def _set_recovery_wrap(keyring: Keyring, *, dek: bytes) -> str:
    code = new_code()
    keyring.recovery_salt = os.urandom(16)
    kek = crypto.recovery_key(code, salt=bytes(keyring.recovery_salt), pepper=_pepper())
    keyring.dek_by_recovery = Sealer(kek, KEY_ID_WRAP).seal(
        dek, _wrap_aad(keyring.user_id, "recovery")
    )
    keyring.recovery_check = crypto.recovery_check(code, pepper=_pepper())
    return code


@dataclass(frozen=True)
class NewKeyring:
    dek: bytes
    recovery_code: str


@transaction.atomic
def keyring_create(*, user_id: int, password: str) -> NewKeyring:
    """Create the user's data key and both wraps; return the key and the recovery code."""
    dek = crypto.new_key()
    keyring = Keyring(user_id=user_id)
    _set_password_wrap(keyring, dek=dek, password=password)
    code = _set_recovery_wrap(keyring, dek=dek)
    keyring.save()
    return NewKeyring(dek=dek, recovery_code=code)


def keyring_unlock(*, user_id: int, password: str) -> bytes | None:
    """Return the data key opened with ``password``, or None if it does not open."""
    keyring = Keyring.objects.filter(user_id=user_id).first()
    if keyring is None:
        return None
    try:
        return Sealer(_password_kek(keyring, password), KEY_ID_WRAP).open(
            bytes(keyring.dek_by_password), _wrap_aad(user_id, "password")
        )
    except SealError:
        return None


@transaction.atomic
def keyring_set_password(*, user_id: int, dek: bytes, new_password: str) -> None:
    """Rewrap the data key under a new password (no content is re-encrypted)."""
    keyring = Keyring.objects.select_for_update().get(user_id=user_id)
    _set_password_wrap(keyring, dek=dek, password=new_password)
    keyring.save()


@transaction.atomic
def keyring_renew_recovery(*, user_id: int, dek: bytes) -> str:
    """Replace the recovery code (the old one stops working); return the new code."""
    keyring = Keyring.objects.select_for_update().get(user_id=user_id)
    code = _set_recovery_wrap(keyring, dek=dek)
    keyring.save()
    return code


def keyring_recover(*, user_id: int, typed_code: str) -> bytes | None:
    """Return the data key opened with a recovery code, or None if it is not theirs."""
    code = normalise(typed_code)
    keyring = Keyring.objects.filter(user_id=user_id).first()
    if code is None or keyring is None:
        return None
    expected = crypto.recovery_check(code, pepper=_pepper())
    if not hmac.compare_digest(expected, keyring.recovery_check):
        return None
    kek = crypto.recovery_key(code, salt=bytes(keyring.recovery_salt), pepper=_pepper())
    try:
        return Sealer(kek, KEY_ID_WRAP).open(
            bytes(keyring.dek_by_recovery), _wrap_aad(user_id, "recovery")
        )
    except SealError:
        return None
