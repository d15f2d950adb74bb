"""The space's home: invite or accept when unpaired; the space when paired."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.tests.helpers import ACCEPTER_NAME, INVITER_NAME, pair_up


def test_an_unpaired_person_is_offered_to_invite_or_accept(alice: Person) -> None:
    response = alice.client.get("/together/")
    assert response.status_code == 200
    assert b"Make an invite code" in response.content
    assert b"Type in their code" in response.content


def test_paired_both_see_each_others_chosen_name_and_the_rituals_block(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    assert ACCEPTER_NAME.encode() in alice.client.get("/together/").content
    page = bob.client.get("/together/").content
    assert INVITER_NAME.encode() in page
    assert b'aria-labelledby="rituals-heading"' in page
    assert b"Get help now" in page


def test_after_the_other_ends_it_the_home_says_only_that_it_ended(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    assert bob.client.post("/together/end/").status_code == 302
    page = alice.client.get("/together/").content
    assert b"This space has ended." in page
    assert ACCEPTER_NAME.encode() not in page
