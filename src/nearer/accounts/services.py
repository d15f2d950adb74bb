"""Writes for accounts: sign up, password change, recovery, deletion, preferences."""

from __future__ import annotations

import functools
import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from nearer.accounts import login_hooks
from nearer.accounts.invites import signup_invite_take
from nearer.accounts.models import AccountSession, RecoveryAttempt, User, new_keyring_password
from nearer.accounts.notices import Notice, notice_send
from nearer.lib.reminder_inputs import changed as reminder_inputs_changed
from nearer.lib.sqlvalues import column
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.models import Keyring
from nearer.vault.services import (
    NewKeyring,
    keyring_create,
    keyring_recover,
    keyring_renew_recovery,
    keyring_set_password,
)

NAME_TAKEN = "That name is taken. Please choose another."
RECOVERY_LIMIT = 5
RECOVERY_WINDOW = timedelta(minutes=15)
PREFERENCES_LABEL = "vault.keyring.preferences"


@dataclass(frozen=True)
class SignedUp:
    user: User
    dek: bytes
    recovery_code: str


@transaction.atomic
def user_sign_up(
    *, username: str, password: str, email: str = "", invite_code: str | None = None
) -> SignedUp:
    """Create an account with its vault; return the user, data key and recovery code.

    With ``invite_code`` (sign-up by invite) the invite is used up in the same
    transaction: a refused sign-up leaves it unused, and a wrong code makes nothing.
    Raises ValidationError if the username is taken, the password too weak, or the
    invite code opens no invite (``{"invite": ...}``).
    """
    if invite_code is not None:
        signup_invite_take(code=invite_code)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": NAME_TAKEN})
    user = User(username=username, email=email)
    password_validation.validate_password(password, user)
    user.password = new_keyring_password()
    user.full_clean()
    try:
        # Race: two sign-ups of one name can both pass the check above; on PostgreSQL
        # the second then fails on the unique index here (SQLite's immediate
        # transactions let one in at a time). The savepoint keeps the transaction
        # usable to look again, so the second person gets the same calm message.
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError({"username": NAME_TAKEN}) from None
        raise
    new = keyring_create(user_id=user.pk, password=password)
    return SignedUp(user=user, dek=new.dek, recovery_code=new.recovery_code)


def has_vault(*, user: User) -> bool:
    """Return True when the account already has its keyring."""
    return Keyring.objects.filter(user_id=user.pk).exists()


@transaction.atomic
def vault_create_for(*, user: User, password: str) -> NewKeyring:
    """Create the keyring of an account made outside sign-up; the password is checked.

    From now on its password is checked by the keyring; the old hash goes."""
    new = keyring_create(user_id=user.pk, password=password)
    user.password = new_keyring_password()
    user.save(update_fields=["password"])
    return new


# At most this many expired sessions are deleted by one login, so a login after a
# long quiet spell stays quick; `nearer clearsessions` deletes any number.
EXPIRED_SESSIONS_PER_LOGIN = 500


def sessions_end(*, user: User) -> None:
    """Delete every stored session of ``user`` (each holds half of an unlocked key).

    Found by the indexed account column: no other person's session is read.
    """
    AccountSession.objects.filter(user_id=user.pk).delete()


def sessions_clear_expired(*, limit: int = EXPIRED_SESSIONS_PER_LOGIN) -> int:
    """Delete up to ``limit`` expired sessions (oldest first); return how many went.

    An expired row still holds half of a key; nobody can use it, so it goes.
    """
    expired = AccountSession.objects.filter(expire_date__lt=timezone.now())
    keys = list(expired.order_by("expire_date").values_list("session_key", flat=True)[:limit])
    if not keys:
        return 0
    deleted, _ = AccountSession.objects.filter(
        session_key__in=keys, expire_date__lt=timezone.now()
    ).delete()
    return deleted


@transaction.atomic
def user_change_password(*, user: User, vault_dek: bytes, new_password: str) -> None:
    """Set a new password and rewrap the data key; nothing is re-encrypted.

    Every session of the account ends (its row is deleted, not only invalidated by
    the new password hash); the caller logs the current device in again.
    """
    password_validation.validate_password(new_password, user)
    user.password = new_keyring_password()
    user.save(update_fields=["password"])
    keyring_set_password(user_id=user.pk, dek=vault_dek, new_password=new_password)
    sessions_end(user=user)
    notice_send(user=user, notice=Notice.PASSWORD_CHANGED)


def _attempt_key(username: str, client: str) -> str:
    return hmac.new(
        str(settings.SECRET_KEY).encode(), f"{username.lower()}|{client}".encode(), hashlib.sha256
    ).hexdigest()


def recovery_throttled(*, username: str, client: str) -> bool:
    """Return True when too many recovery attempts failed for this name and address."""
    since = timezone.now() - RECOVERY_WINDOW
    key = _attempt_key(username, client)
    return RecoveryAttempt.objects.filter(key=key, at__gte=since).count() >= RECOVERY_LIMIT


@dataclass(frozen=True)
class Recovered:
    user: User
    dek: bytes
    recovery_code: str


@transaction.atomic
def user_recover(
    *, username: str, typed_code: str, new_password: str, client: str
) -> Recovered | None:
    """Open the vault with a recovery code, set a new password and a new code.

    Returns None (and counts the attempt) when the name or code is wrong. The old
    code stops working; the data stays readable.
    """
    user = User.objects.filter(username__iexact=username, is_active=True).first()
    dek = keyring_recover(user_id=user.pk, typed_code=typed_code) if user else None
    if user is None or dek is None:
        now = timezone.now()
        # Attempts older than the window no longer count: drop them as new ones come,
        # so the table stays as small as the throttle needs.
        RecoveryAttempt.objects.filter(at__lt=now - RECOVERY_WINDOW).delete()
        RecoveryAttempt.objects.create(key=_attempt_key(username, client), at=now)
        return None
    password_validation.validate_password(new_password, user)
    user.password = new_keyring_password()
    user.save(update_fields=["password"])
    keyring_set_password(user_id=user.pk, dek=dek, new_password=new_password)
    code = keyring_renew_recovery(user_id=user.pk, dek=dek)
    RecoveryAttempt.objects.filter(key=_attempt_key(username, client)).delete()
    sessions_end(user=user)
    notice_send(user=user, notice=Notice.RECOVERED)
    return Recovered(user=user, dek=dek, recovery_code=code)


@transaction.atomic
def recovery_code_renew(*, user: User, vault_dek: bytes) -> str:
    """Issue a new recovery code for the account; the previous one stops working."""
    code = keyring_renew_recovery(user_id=user.pk, dek=vault_dek)
    notice_send(user=user, notice=Notice.RECOVERY_CODE_CHANGED)
    return code


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and every row that belongs to it, now.

    Rows of other apps go by ON DELETE CASCADE from the user; the user's sessions
    are removed as well so nothing of theirs is left behind.
    """
    sessions_end(user=user)
    # What other apps end first (their hooks): a shared space goes whole, since the
    # partner's side of it is not theirs alone.
    login_hooks.run_deletion(user=user)
    # django-axes keeps login attempts by username, outside any foreign key.
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=user.get_username()).delete()
    user.delete()


@functools.lru_cache(maxsize=4)
def _preferences_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    meta = Keyring._meta
    preferences = column(meta.model, "preferences")
    user = column(meta.model, "user")
    return (
        f"SELECT {preferences} FROM {quote(meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {user} = %s"
    )


def preferences_get(*, user: User, vault: Vault) -> dict[str, Any]:
    """Return the account's sealed preferences (empty when none or unreadable)."""
    # Plain SQL: every page that knows the person's day reads this, and the ORM's
    # query building cost more than the database's answer (Today is benchmarked).
    with connection.cursor() as cursor:
        cursor.execute(_preferences_sql(connection.vendor), [user.pk])
        row = cursor.fetchone()
    sealed = row[0] if row is not None else None
    if not sealed:
        return {}
    try:
        value = vault.open_json(PREFERENCES_LABEL, user.pk, bytes(sealed))
    except SealError:
        return {}
    return value if isinstance(value, dict) else {}


@transaction.atomic
def preferences_update(*, user: User, vault: Vault, **changes: Any) -> dict[str, Any]:
    """Merge ``changes`` into the sealed preferences and return the result."""
    keyring = Keyring.objects.select_for_update().get(user_id=user.pk)
    current: dict[str, Any] = {}
    if keyring.preferences:
        try:
            opened = vault.open_json(PREFERENCES_LABEL, user.pk, bytes(keyring.preferences))
            current = opened if isinstance(opened, dict) else {}
        except SealError:
            current = {}
    current.update(changes)
    keyring.preferences = vault.seal_json(PREFERENCES_LABEL, user.pk, current)
    keyring.save(update_fields=["preferences", "updated_at"])
    if "time_zone" in changes:
        # Reminders keep a clear copy of the zone (and dates counted in it).
        reminder_inputs_changed(user=user, vault=vault, parts=("zone", "nudges", "birthdays"))
    return current
