"""Ending a space: one POST, either partner, everything of the space gone."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.models import Member, MemberKeys, Pair, SharedCopy
from nearer.together.tests.helpers import pair_up


def test_ending_deletes_the_pair_both_wrapped_keys_and_the_copies(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    entry = alice.client.post(
        "/journal/new/", {"entry_date": "2026-11-20", "title": "Lanternfish", "body": "Kestrel"}
    )
    assert entry.status_code == 302
    entry_id = entry["Location"].rstrip("/").rsplit("/", 1)[1]
    alice.client.post("/together/share/", {"kind": "entry", "item": entry_id})
    assert SharedCopy.objects.count() == 1
    assert alice.client.post("/together/end/").status_code == 302
    assert not Pair.objects.exists()
    assert not Member.objects.exists()
    assert not MemberKeys.objects.exists()
    assert not SharedCopy.objects.exists()


def test_a_get_only_asks(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    assert bob.client.get("/together/end/").status_code == 200
    assert Pair.objects.count() == 1


def test_deleting_an_account_ends_its_space(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    response = bob.client.post("/accounts/delete/", {"password": bob.password, "confirm": "on"})
    assert response.status_code == 200
    assert b"That is not your password" not in response.content, response.content[-1500:]
    assert not Pair.objects.exists()
    assert not Member.objects.exists()
    assert b"This space has ended." in alice.client.get("/together/").content


def test_ending_twice_is_calm(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    assert bob.client.post("/together/end/").status_code == 302
    assert alice.client.post("/together/end/").status_code == 302
    assert b"This space has ended." in alice.client.get("/together/").content
