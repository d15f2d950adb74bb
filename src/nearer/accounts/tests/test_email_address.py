"""accounts.email_address: an address set, changed or removed, proved once by its link."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.core.exceptions import ValidationError

from nearer.accounts import email_address
from nearer.accounts.models import User
from nearer.conftest import Person

ADDRESS = "ally.orchard@example.org"
LINK_SECONDS = email_address.LINK_HOURS * 3600


def _fresh(person: Person) -> User:
    return User.objects.get(pk=person.user.pk)


def test_a_new_address_is_kept_unverified_with_a_token(alice: Person) -> None:
    token = email_address.email_change(user=alice.user, email=f"  {ADDRESS} ")
    user = _fresh(alice)
    assert token is not None
    assert user.email == ADDRESS
    assert user.email_verified_at is None
    assert user.email_verify_nonce


def test_the_token_verifies_the_address_once(alice: Person) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert token is not None
    assert email_address.token_pending(token=token)
    verified = email_address.email_verify(token=token)
    assert verified is not None and verified.user.pk == alice.user.pk
    assert _fresh(alice).email_verified_at is not None
    assert email_address.email_verify(token=token) is None
    assert not email_address.token_pending(token=token)


def test_a_newer_link_makes_the_older_one_useless(alice: Person) -> None:
    first = email_address.email_change(user=alice.user, email=ADDRESS)
    second = email_address.verification_renew(user=_fresh(alice))
    assert first is not None and second is not None
    assert email_address.email_verify(token=first) is None
    assert _fresh(alice).email_verified_at is None
    assert email_address.email_verify(token=second) is not None


def test_a_link_for_an_earlier_address_verifies_nothing(alice: Person) -> None:
    old = email_address.email_change(user=alice.user, email=ADDRESS)
    email_address.email_change(user=_fresh(alice), email="sam.meadowlark@example.org")
    assert old is not None
    assert email_address.email_verify(token=old) is None
    assert _fresh(alice).email_verified_at is None


def test_the_same_address_again_after_verifying_does_not_revive_the_old_link(
    alice: Person,
) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert token is not None and email_address.email_verify(token=token) is not None
    email_address.email_change(user=_fresh(alice), email="")
    email_address.email_change(user=_fresh(alice), email=ADDRESS)
    assert email_address.email_verify(token=token) is None
    assert _fresh(alice).email_verified_at is None


def test_changing_a_verified_address_unverifies_it(alice: Person) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert token is not None and email_address.email_verify(token=token) is not None
    again = email_address.email_change(user=_fresh(alice), email=ADDRESS.upper())
    assert again is None  # the same address, already proved: nothing to send
    assert _fresh(alice).email_verified_at is not None
    assert email_address.email_change(user=_fresh(alice), email="sam.meadowlark@example.org")
    assert _fresh(alice).email_verified_at is None


def test_removing_the_address_clears_it_and_its_link(alice: Person) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert email_address.email_change(user=_fresh(alice), email="") is None
    user = _fresh(alice)
    assert (user.email, user.email_verified_at, user.email_verify_nonce) == ("", None, "")
    assert token is not None and email_address.email_verify(token=token) is None


def test_a_link_older_than_48_hours_verifies_nothing(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert token is not None
    now = time.time()
    # The signer's clock 48 hours and a minute on; one minute short of it still works.
    monkeypatch.setattr("django.core.signing.time.time", lambda: now + LINK_SECONDS + 60)
    assert email_address.email_verify(token=token) is None
    assert _fresh(alice).email_verified_at is None
    monkeypatch.setattr("django.core.signing.time.time", lambda: now + LINK_SECONDS - 60)
    assert email_address.email_verify(token=token) is not None


def test_an_altered_or_foreign_token_verifies_nothing(alice: Person, bob: Person) -> None:
    token = email_address.email_change(user=alice.user, email=ADDRESS)
    assert token is not None
    nonce = _fresh(alice).email_verify_nonce
    # Bob's account with Alice's nonce, signed with another salt: refused.
    forged = signing.dumps({"u": bob.user.pk, "e": "x", "n": nonce}, salt="another salt")
    for bad in (token[:-2] + "zz", forged, "", "x" * 5000):
        assert email_address.email_verify(token=bad) is None
    assert _fresh(alice).email_verified_at is None


def test_a_bad_address_is_refused_and_changes_nothing(alice: Person) -> None:
    with pytest.raises(ValidationError) as caught:
        email_address.email_change(user=alice.user, email="no at sign here")
    assert "email" in caught.value.message_dict
    assert _fresh(alice).email == ""
