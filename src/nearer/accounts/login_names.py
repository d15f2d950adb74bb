"""The name a login attempt is counted under, whatever case it was typed in."""

from __future__ import annotations


def login_attempt_name(request: object, credentials: dict[str, object] | None) -> str:
    """The name django-axes counts failed logins under: one for every spelling.

    Without it "Maya" and "maya" would be two names, each with its own limit.
    """
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = getattr(request, "POST", {}).get("username", "")
    return str(typed or "").lower()
