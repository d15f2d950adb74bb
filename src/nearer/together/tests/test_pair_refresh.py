"""pair_refresh at login: the identity key for older accounts, the inviter's copy of
the pair key and their partner in People; never twice."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import PASSWORD, Person
from nearer.people.models import Person as PersonRow
from nearer.together.models import Identity, MemberKeys
from nearer.together.tests.helpers import pair_up


def test_signing_up_makes_the_identity_key(alice: Person) -> None:
    identity = Identity.objects.get(user=alice.user)
    assert len(bytes(identity.public_key)) == 32
    assert bytes(identity.private_key)[:2] == b"\x01\x01"  # sealed, version 1, the vault's key


def test_an_account_without_an_identity_gets_one_at_login(alice: Person) -> None:
    Identity.objects.filter(user=alice.user).delete()
    response = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert Identity.objects.filter(user=alice.user).exists()


def test_the_inviter_gets_their_copy_and_partner_at_next_login(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    assert not MemberKeys.objects.filter(member__user=alice.user, pair_key__isnull=False).exists()
    assert not PersonRow.objects.filter(owner=alice.user).exists()
    for _ in range(2):
        Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert MemberKeys.objects.filter(member__user=alice.user, pair_key__isnull=False).exists()
    assert PersonRow.objects.filter(owner=alice.user).count() == 1
