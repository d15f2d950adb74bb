"""Logging in with one Argon2id run: the keyring's unwrap is the password check.

The password key that unwraps a person's data key is Argon2id of the password
(then HKDF with the pepper); AES-GCM refuses to unwrap with any other key, so a
successful unwrap proves the password as surely as a stored hash would. Checking
a separate hash first, as Django does, ran the same costly function twice per
login. This backend runs it once and hands the opened data key to the login view
(``take_unlocked_dek``), which starts the vault with it.

Accounts made before keep a password hash until their next login: it is checked
(Django's hasher), the keyring opens, and the hash is replaced by the keyring
marker (``accounts.models.new_keyring_password``), so from then on one run.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from nearer.accounts.models import User, new_keyring_password
from nearer.accounts.session_store import account_loaded_with
from nearer.vault.models import Keyring
from nearer.vault.services import keyring_unlock

_UNLOCKED = "_nearer_unlocked_dek"


class KeyringBackend(ModelBackend):
    """ModelBackend whose password check opens the keyring and keeps what it opened."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None:
            return None
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            # As ModelBackend does: one costly hash, so an unknown name takes about as
            # long as a wrong password.
            User().set_password(password)
            return None
        dek = _check(user, password)
        if dek is None or not self.user_can_authenticate(user):
            return None
        setattr(user, _UNLOCKED, dek)
        return user

    def get_user(self, user_id: int) -> User | None:
        # The account read in the session's query, when that is whose session it is.
        account = account_loaded_with(user_id)
        if account is None:
            return super().get_user(user_id)
        return account if self.user_can_authenticate(account) else None


def _check(user: User, password: str) -> bytes | None:
    """Return the opened data key (b"" for an account without a keyring yet), or None."""
    if user.uses_keyring_password():
        return keyring_unlock(user_id=user.pk, password=password)
    if not user.check_password(password):
        return None
    if not Keyring.objects.filter(user_id=user.pk).exists():
        # Made outside sign-up (createsuperuser): the login view makes its vault.
        return b""
    dek = keyring_unlock(user_id=user.pk, password=password)
    if dek is not None:
        # The one-time move of an older account: its hash is no longer needed.
        user.password = new_keyring_password()
        user.save(update_fields=["password"])
    return dek


def take_unlocked_dek(user: object) -> bytes | None:
    """Return (and forget) the data key ``authenticate`` opened for ``user``.

    None when the user was not authenticated by this backend, or has no keyring yet.
    """
    dek = getattr(user, "__dict__", {}).pop(_UNLOCKED, None)
    return dek or None
