"""The admin's sign-up invites: make one (its code shown once), list, revoke."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from nearer.accounts.invites import signup_invite_create, signup_invite_take
from nearer.accounts.models import SignupInvite, User
from nearer.conftest import Person

LIST = "/admin/accounts/signupinvite/"


@pytest.fixture
def admin_client(alice: Person) -> Client:
    User.objects.filter(pk=alice.user.pk).update(is_staff=True, is_superuser=True)
    return alice.client


def test_making_one_shows_its_code_once(admin_client: Client) -> None:
    response = admin_client.post(LIST + "add/", {"days": "5"})
    assert response.status_code == 200
    found = re.search(r"<code[^>]*>([A-Z0-9-]{23})</code>", response.content.decode())
    assert found is not None
    code = found.group(1)
    assert code not in admin_client.get(LIST).content.decode()
    signup_invite_take(code=code)
    assert SignupInvite.objects.get().used_at is not None


def test_a_length_outside_the_range_makes_nothing(admin_client: Client) -> None:
    response = admin_client.post(LIST + "add/", {"days": "91"})
    assert response.status_code == 200
    assert not SignupInvite.objects.exists()


def test_revoking_ends_an_open_invite(admin_client: Client) -> None:
    made = signup_invite_create()
    response = admin_client.post(
        LIST, {"action": "revoke", "_selected_action": [str(made.invite.pk)]}
    )
    assert response.status_code == 302
    assert SignupInvite.objects.get().revoked_at is not None
    assert "revoked" in admin_client.get(LIST).content.decode()


def test_someone_not_staff_cannot_see_them(bob: Person) -> None:
    signup_invite_create()
    assert bob.client.get(LIST).status_code == 302
