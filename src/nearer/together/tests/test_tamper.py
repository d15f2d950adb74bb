"""A server that swaps a public key: the words change and nothing opens unseen.

The pair key is only ever wrapped to the public keys the safety phrase is made
from, so a key swapped by the server shows as different words, and a wrap made
to the swapped key does not open for the person it was meant for.
"""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together import services
from nearer.together.models import Identity, Member, MemberKeys
from nearer.together.phrase import safety_phrase
from nearer.together.selectors import home_for
from nearer.together.space import space_open
from nearer.together.tests.helpers import pair_up
from nearer.vault import keys


def test_an_inviters_key_swapped_before_the_invite_is_seen_not_used(
    alice: Person, bob: Person
) -> None:
    services.identity_ensure(user=alice.user, vault=alice.vault)
    true_public = bytes(Identity.objects.get(user=alice.user).public_key)
    mallory = keys.identity_new()
    Identity.objects.filter(user=alice.user).update(public_key=keys.public_of(mallory))
    space = pair_up(alice, bob)  # bob wraps the pair key for the swapped key
    # The words each would compare differ: bob's are from mallory's key.
    bobs_public = bytes(Member.objects.get(user=bob.user).public_key)
    assert services.phrase_for(user=bob.user) != safety_phrase(true_public, bobs_public)
    # Alice cannot open what was sealed to mallory's key, and her page says so.
    services.pair_refresh(user=alice.user, vault=alice.vault)
    assert space_open(user=alice.user, vault=alice.vault) is None
    assert home_for(user=alice.user, vault=alice.vault).state == "unopenable"
    assert not MemberKeys.objects.filter(member__user=alice.user, pair_key__isnull=False).exists()
    assert space.partner_id == alice.user.pk


def test_a_partner_key_swapped_after_pairing_stops_the_wrap_opening(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    before = services.phrase_for(user=alice.user)
    Member.objects.filter(user=bob.user).update(public_key=keys.public_of(keys.identity_new()))
    assert services.phrase_for(user=alice.user) != before
    # Alice (the inviter) has no vault copy yet: her wrap is bound to bob's true key.
    assert space_open(user=alice.user, vault=alice.vault) is None


def test_a_wrap_copied_from_the_partner_does_not_open(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    bobs = bytes(Member.objects.get(user=bob.user).wrapped_key)
    Member.objects.filter(user=alice.user).update(wrapped_key=bobs)
    assert space_open(user=alice.user, vault=alice.vault) is None
