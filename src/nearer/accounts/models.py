"""The account itself. Its content lives in other apps, sealed under the vault."""

from __future__ import annotations

import secrets
import uuid
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower


class AnyCaseUserManager(UserManager["User"]):
    """Finds an account by its name in any case, the way sign-up compares names."""

    def get_by_natural_key(self, username: str | None) -> User:
        # ModelBackend looks the name up here: "Maya" logs in as "maya". The unique
        # index on lower(username) leaves at most one match; first() rather than get()
        # so a name the database folds differently from Python is never a 500.
        found = self.filter(username__iexact=username or "").order_by("pk").first()
        if found is None:
            raise self.model.DoesNotExist
        return found


# The password field of an account whose password is checked by its keyring: the
# one Argon2id run that opens the data key is also the login's check (see
# accounts/backends.py), so no second, separate hash of the password is kept. The
# random tail changes with every new password, so Django's session hash (an HMAC of
# this field) still ends other sessions when the password changes.
KEYRING_PASSWORD = "nearer_keyring$"  # noqa: S105 (a marker, not a password)


def new_keyring_password() -> str:
    """Return the password field's value for an account checked by its keyring."""
    return KEYRING_PASSWORD + secrets.token_hex(16)


class User(AbstractUser):
    """A person with a Nearer account.

    The username (and an optional email for reminders and security notices) stays
    in the clear: the server needs them to log in and to write when the person is away.
    """

    objects: ClassVar[AnyCaseUserManager] = AnyCaseUserManager()

    # When the person proved the address in ``email`` is theirs (a link sent to it);
    # None until then, and again whenever the address changes. Security notices and
    # reminders go only to a verified address.
    email_verified_at = models.DateTimeField(null=True, blank=True)
    # The random part of the one verification link that can still prove ``email``
    # (accounts/email_address.py); emptied when it is used or the address changes, so
    # a link works once and an older link (or one for an earlier address) never does.
    email_verify_nonce = models.CharField(max_length=32, blank=True, default="")

    def uses_keyring_password(self) -> bool:
        """True when the password is checked by opening the keyring (no hash kept)."""
        return self.password.startswith(KEYRING_PASSWORD)

    def check_password(self, raw_password: str) -> bool:
        # Django's own callers (the admin, ModelBackend) still work: the keyring
        # answers. Older accounts keep their hash until their next login.
        if not self.uses_keyring_password():
            return super().check_password(raw_password)
        from nearer.vault.services import keyring_unlock

        return keyring_unlock(user_id=self.pk, password=raw_password) is not None

    class Meta:
        verbose_name = "user"
        constraints = [
            # "Sam" and "sam" are one name: log-in finds names whatever their case, so
            # two such accounts would be ambiguous. Sign-up checks first; this index
            # decides when two sign-ups of one name (in any case) arrive at once.
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_any_case",
                violation_error_message="That name is taken. Please choose another.",
            ),
        ]


class RecoveryAttempt(models.Model):
    """A failed recovery-code attempt, counted to throttle guessing.

    ``key`` is an HMAC of username and client address, not the values themselves.
    """

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"recovery attempt at {self.at:%Y-%m-%d %H:%M}"


class AccountSession(AbstractBaseSession):
    """A stored session, with the account it is logged in as beside the signed data.

    Ending a person's sessions (password change, recovery, deletion) finds their rows
    by this indexed column instead of decoding every session on the host. Anonymous
    sessions have no user. No database constraint: a session saved while its account
    is being deleted must not fail the request; the ORM still deletes the rows with
    the account (``on_delete``), and ``sessions_end`` deletes them first anyway.
    """

    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = "session"
        verbose_name_plural = "sessions"

    @classmethod
    def get_session_store_class(cls) -> type[SessionBase]:
        from nearer.accounts.session_store import SessionStore

        return SessionStore


class PepperFingerprint(models.Model):
    """The fingerprint of the pepper this database was set up with (one row at most).

    An HMAC-SHA256 keyed with the pepper over a fixed label: it tells a wrong pepper
    from the right one at start-up (``accounts/pepper_check.py``) and reveals nothing
    of the pepper, which is at least 32 random characters and so can't be guessed
    from it. A wrong pepper would otherwise make every login fail as "wrong password".
    """

    fingerprint = models.CharField(max_length=64)
    stored_at = models.DateTimeField()

    class Meta:
        constraints = [
            # One database, one pepper: two start-ups storing at once get one row
            # (the second one's insert fails on the primary key and reads the first's).
            models.CheckConstraint(condition=models.Q(id=1), name="accounts_pepper_one_row"),
        ]

    def __str__(self) -> str:
        # Not the fingerprint: it is never printed.
        return f"pepper fingerprint stored {self.stored_at:%Y-%m-%d}"


class SignupInvite(models.Model):
    """An invite to create an account when sign-up is by invite (``NEARER_SIGNUP``).

    Only a peppered hash of the code is kept (``accounts.invites.code_hash``): the
    code is printed once, to the operator who made it. Used once (``used_at``),
    ended early by ``revoked_at``, and never good after ``expires_at``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "sign-up invite"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"sign-up invite made {self.created_at:%Y-%m-%d %H:%M}"


class SignInRecord(models.Model):
    """One sign-in or failed attempt, sealed for the account's own eyes.

    Everything about it (when, which device, whether it worked) is inside
    ``sealed``, sealed to the account's identity public key (``accounts.signins``):
    a failed attempt is written while the vault is closed, and only the private
    half, kept in the vault, opens it. In the clear: the account and the order of
    records (the id), so the newest 20 are kept and older ones deleted.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    sealed = models.BinaryField()

    def __str__(self) -> str:
        return f"sign-in record {self.pk}"


# The second factor's rows live in their own module; imported here so Django finds them.
from nearer.accounts.second_factor_models import (  # noqa: E402, I001
    BackupCode as BackupCode,
    Passkey as Passkey,
    SecondFactorPending as SecondFactorPending,
    TotpDevice as TotpDevice,
)
