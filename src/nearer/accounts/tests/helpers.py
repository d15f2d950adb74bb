"""Small helpers shared by the account tests."""

from __future__ import annotations

from django.contrib.sessions.models import Session

from nearer.accounts.models import User


def sessions_of(user: User) -> list[Session]:
    """Return the stored sessions logged in as ``user``."""
    return [
        session
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def logged_in_user_id(client: object) -> str | None:
    """Return the user id the client's session is logged in as, if any."""
    return client.session.get("_auth_user_id")  # type: ignore[attr-defined]
