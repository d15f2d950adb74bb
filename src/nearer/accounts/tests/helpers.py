"""Small helpers shared by the account tests."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.models import AccountSession, User


def sessions_of(user: User) -> list[AccountSession]:
    """Return the stored sessions logged in as ``user`` (read from the signed data)."""
    return [
        session
        for session in AccountSession.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def logged_in_user_id(client: Client) -> str | None:
    """Return the user id the client's session is logged in as, if any."""
    user_id: str | None = client.session.get("_auth_user_id")
    return user_id


def verified_address(user: User, address: str) -> User:
    """Give ``user`` ``address`` and verify it through its link's token; return it fresh."""
    from nearer.accounts import email_address

    token = email_address.email_change(user=user, email=address)
    assert token is not None
    assert email_address.email_verify(token=token) is not None
    return User.objects.get(pk=user.pk)
