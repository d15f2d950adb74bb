"""The safety words: the same for both; the compared mark sealed and tied to them."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.models import Member, MemberKeys
from nearer.together.tests.helpers import pair_up


def test_both_see_the_same_words(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    alices = alice.client.get("/together/phrase/").context["home"].phrase
    bobs = bob.client.get("/together/phrase/").context["home"].phrase
    assert alices == bobs
    assert len(alices) == 8


def test_marking_them_compared_hides_the_prompt_for_that_person_only(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    assert alice.client.post("/together/phrase/").status_code == 302
    assert b"Compare your safety words once" not in alice.client.get("/together/").content
    assert b"Compare your safety words once" in bob.client.get("/together/").content
    sealed = MemberKeys.objects.get(member__user=alice.user).compared
    assert sealed is not None
    assert b"phrase" not in bytes(sealed)


def test_a_swapped_public_key_changes_the_words_and_asks_again(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    alice.client.post("/together/phrase/")
    before = alice.client.get("/together/phrase/").context["home"].phrase
    Member.objects.filter(user=bob.user).update(public_key=bytes(range(1, 33)))
    after = alice.client.get("/together/phrase/").context["home"].phrase
    assert before != after
    assert b"Compare your safety words once" in alice.client.get("/together/").content
