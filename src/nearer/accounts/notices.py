"""Security notices: a short plain-text email when something about the account's keys
changes, sent only to an address the person verified.

They say what happened and what to do if it wasn't them, and nothing else: no name,
no device, no place, nothing written in Nearer (mail is not private, and a notice
must be safe to read on a lock screen). Sent once the change is committed, so a
change that rolls back sends nothing and no mail server is waited for while the
database is held; a failure to send is logged and the change stands.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import transaction

from nearer.accounts import mail
from nearer.accounts.models import User

_IF_NOT_YOU = (
    "If this was you, there is nothing to do.\n\n"
    "If it wasn't you, someone may know your password: log in, change your password "
    "(Account, then Change your password) and, on the Security page, log out "
    "everywhere else. If you can't log in, your recovery code sets a new password.\n\n"
    "— Nearer\n"
)


class Notice(StrEnum):
    NEW_DEVICE = "new-device"
    SECOND_FACTOR_OFF = "second-factor-off"
    PASSWORD_CHANGED = "password-changed"  # noqa: S105 (a notice kind, not a password)
    RECOVERY_CODE_CHANGED = "recovery-code-changed"
    RECOVERED = "recovered"


_WORDS: dict[Notice, tuple[str, str]] = {
    Notice.NEW_DEVICE: (
        "A new sign-in to Nearer",
        "Your Nearer account was just signed in to from a device or browser it hasn't "
        "seen among your recent sign-ins.",
    ),
    Notice.SECOND_FACTOR_OFF: (
        "The second step is off for Nearer",
        "The second step at login was just turned off for your Nearer account: logging "
        "in now asks for the password only.",
    ),
    Notice.PASSWORD_CHANGED: (
        "Your Nearer password was changed",
        "The password of your Nearer account was just changed, and every other device "
        "was logged out.",
    ),
    Notice.RECOVERY_CODE_CHANGED: (
        "Your Nearer recovery code was changed",
        "A new recovery code was just made for your Nearer account; the previous one "
        "no longer works.",
    ),
    Notice.RECOVERED: (
        "Your Nearer recovery code was used",
        "Your recovery code was just used to set a new password for your Nearer "
        "account. Every other device was logged out, and a new recovery code was made.",
    ),
}


def notices_reach(user: User) -> bool:
    """True when the account has a verified address to send notices to."""
    return bool(user.email) and user.email_verified_at is not None


def notice_body(notice: Notice) -> tuple[str, str]:
    """Return the subject and plain-text body of ``notice``."""
    subject, what = _WORDS[notice]
    return subject, f"Hello,\n\n{what}\n\n{_IF_NOT_YOU}"


def notice_send(*, user: User, notice: Notice) -> None:
    """Send ``notice`` to the verified address, once the current transaction commits."""
    if not notices_reach(user):
        return
    address = user.email
    subject, body = notice_body(notice)
    transaction.on_commit(lambda: mail.send_plain(to=address, subject=subject, body=body))
