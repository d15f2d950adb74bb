"""Shared fixtures: three people (owner, partner, stranger), logged-in clients, vaults.

Data is created through services, as a person would create it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from nearer.accounts.models import User
from nearer.accounts.services import user_sign_up
from nearer.vault.box import Vault

if TYPE_CHECKING:
    # What Django's test client returns: an HttpResponse with the request, context and
    # templates attached (django-stubs names it so).
    from django.test.client import _MonkeyPatchedWSGIResponse as Response
else:
    from django.http import HttpResponse as Response

__all__ = ["PASSWORD", "Person", "Response", "make_person"]

PASSWORD = "correct horse battery staple"


@dataclass
class Person:
    user: User
    password: str
    recovery_code: str
    vault: Vault
    client: Client


def make_person(username: str, password: str = PASSWORD) -> Person:
    """Sign a person up through the service and log a client in through the login page."""
    new = user_sign_up(username=username, password=password)
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content[:500]
    return Person(
        user=new.user,
        password=password,
        recovery_code=new.recovery_code,
        vault=Vault(user_id=new.user.pk, dek=new.dek),
        client=client,
    )


@pytest.fixture
def alice(db: None) -> Person:
    """The owner of the data under test."""
    return make_person("alice")


@pytest.fixture
def bob(db: None) -> Person:
    """A partner (later linked to alice); today just another account."""
    return make_person("bob")


@pytest.fixture
def charlie(db: None) -> Person:
    """A stranger who must never see alice's data."""
    return make_person("charlie")


def pytest_configure() -> None:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
