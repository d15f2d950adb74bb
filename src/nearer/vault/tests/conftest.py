"""Fixtures for the vault tests: a bare user without a keyring."""

from __future__ import annotations

import pytest

from nearer.accounts.models import User


@pytest.fixture
def bare_user(db: None) -> User:
    """An account with no keyring yet, so keyring services can be tested alone."""
    return User.objects.create_user(username="dora", password="a long enough passphrase")
