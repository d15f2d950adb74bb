"""Logging a person in once their password (and second factor) checked out, and
checking a password again on the pages that ask for it.

Here rather than in views.py because both the password page and the second step
(views_second_factor.py) end in the same login.
"""

from __future__ import annotations

from django.contrib.auth import authenticate, login
from django.http import HttpRequest

from nearer.accounts import login_hooks, notices, services, signins
from nearer.accounts.backends import take_unlocked_dek
from nearer.accounts.models import User
from nearer.vault.box import Vault
from nearer.vault.derived import derived_refresh
from nearer.vault.session import vault_start


def log_in(request: HttpRequest, user: User, dek: bytes) -> Vault:
    login(request, user, backend="nearer.accounts.backends.KeyringBackend")
    # Expired sessions are useless but still hold half a key: each login sweeps a
    # few, so they never pile up even where `nearer clearsessions` isn't scheduled.
    services.sessions_clear_expired()
    vault = vault_start(request, user_id=user.pk, dek=dek)
    # The one place derived sealed data is rebuilt (a POST, so it may write): what is
    # missing, unreadable or old is made again here, so reads never need to write.
    derived_refresh(user=user, vault=vault)
    # And what other apps keep up to date at login (their hooks, see login_hooks):
    # Together's own side first (the identity key, made at sign-up or now for an
    # older account; the pair key's copy in the vault; the partner in People).
    login_hooks.run(user=user, vault=vault)
    # What the Security page shows: this session's device (sealed), and the sign-in.
    signins.session_label_keep(request=request, vault=vault)
    _new_device_notice(request, user, vault)
    signins.signin_record(user=user, request=request, succeeded=True)
    return vault


def _new_device_notice(request: HttpRequest, user: User, vault: Vault) -> None:
    """Tell a verified address when this sign-in's coarse device is not among the
    recent sealed sign-ins (opened here, while the vault is open: nothing of them is
    in the clear to compare on). An account with no sign-ins kept yet (before its
    first) has nothing to compare with, so it is not told.
    """
    if not notices.notices_reach(user):
        return  # the sign-ins are opened only for someone who can be told
    kept = signins.signins_for(user=user, vault=vault)
    if not kept:
        return
    device = signins.request_device(request)
    if all(shown.device != device or not shown.succeeded for shown in kept):
        notices.notice_send(user=user, notice=notices.Notice.NEW_DEVICE)


def current_password_opens(request: HttpRequest, user: User, password: str) -> bytes | None:
    """Return the data key if ``password`` is the person's own, else None.

    The password goes through authenticate(), so django-axes counts wrong ones with
    the login's failures (same name and address, same limit and cool-off). Once the
    limit is reached, axes refuses before the password is checked at all and its
    middleware answers with the calm "Too many tries" page.
    """
    checked = authenticate(request, username=user.get_username(), password=password)
    if not isinstance(checked, User) or checked.pk != user.pk:
        return None
    # The check opened the keyring already (accounts/backends.py): one Argon2id run.
    return take_unlocked_dek(checked)
