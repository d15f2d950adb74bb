"""One confirming link opened twice at the same moment verifies once.

On PostgreSQL both requests have checked the token before either writes (the
barrier sits just before the account is read); the the second then waits for the first's
row lock and its conditional UPDATE finds the nonce gone; SQLite lets one writer in
at a time, so there it is the plain case.
"""

from __future__ import annotations

import pytest
from django.db import connection

from nearer.accounts import email_address
from nearer.accounts.models import User
from nearer.accounts.services import user_sign_up
from nearer.vault.tests.derived_helpers import at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_link_opened_twice_at_once_verifies_once() -> None:
    user = user_sign_up(username="rowan", password="violet harbour juniper compass").user
    token = email_address.email_change(user=user, email="rowan.hale@example.org")
    assert token is not None
    results: list[object] = []
    errors = at_once(
        [lambda: results.append(email_address.email_verify(token=token))] * 2,
        # SQLite takes its write lock when the transaction begins: a barrier inside
        # it would hold one thread there while the other waits for the lock.
        before=(email_address, "_claims") if connection.vendor == "postgresql" else None,
    )
    assert errors == []
    assert sum(result is not None for result in results) == 1
    assert User.objects.get(pk=user.pk).email_verified_at is not None
    assert User.objects.get(pk=user.pk).email_verify_nonce == ""
