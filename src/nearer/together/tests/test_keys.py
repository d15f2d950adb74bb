"""Identity keys and the wrapping of a pair key for one partner."""

from __future__ import annotations

import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError, new_key


def _wrap_for(
    recipient: X25519PrivateKey, partner_public: bytes, pair_id: uuid.UUID, recipient_id: int = 7
) -> bytes:
    return keys.wrap_pair_key(
        pair_key=b"k" * 32,
        pair_id=pair_id,
        recipient_id=recipient_id,
        recipient_public=keys.public_of(recipient),
        partner_public=partner_public,
    )


def test_a_wrapped_pair_key_opens_for_its_recipient() -> None:
    recipient, partner = keys.identity_new(), keys.identity_new()
    pair_id = uuid.uuid4()
    wrapped = _wrap_for(recipient, keys.public_of(partner), pair_id)
    opened = keys.unwrap_pair_key(
        wrapped=wrapped,
        pair_id=pair_id,
        recipient_id=7,
        recipient_private=recipient,
        partner_public=keys.public_of(partner),
    )
    assert opened == b"k" * 32


def test_another_private_key_does_not_open_the_wrap() -> None:
    recipient, partner, stranger = keys.identity_new(), keys.identity_new(), keys.identity_new()
    pair_id = uuid.uuid4()
    wrapped = _wrap_for(recipient, keys.public_of(partner), pair_id)
    with pytest.raises(SealError):
        keys.unwrap_pair_key(
            wrapped=wrapped,
            pair_id=pair_id,
            recipient_id=7,
            recipient_private=stranger,
            partner_public=keys.public_of(partner),
        )


@pytest.mark.parametrize("change", ["pair", "recipient", "partner", "byte"])
def test_a_wrap_does_not_open_in_another_place_or_once_changed(change: str) -> None:
    recipient, partner = keys.identity_new(), keys.identity_new()
    pair_id = uuid.uuid4()
    wrapped = bytearray(_wrap_for(recipient, keys.public_of(partner), pair_id))
    args = {
        "pair_id": pair_id,
        "recipient_id": 7,
        "recipient_private": recipient,
        "partner_public": keys.public_of(partner),
    }
    if change == "pair":
        args["pair_id"] = uuid.uuid4()
    elif change == "recipient":
        args["recipient_id"] = 8
    elif change == "partner":
        args["partner_public"] = keys.public_of(keys.identity_new())
    else:
        wrapped[-1] ^= 1
    with pytest.raises(SealError):
        keys.unwrap_pair_key(wrapped=bytes(wrapped), **args)  # type: ignore[arg-type]


def test_a_low_order_public_key_is_refused() -> None:
    with pytest.raises(SealError):
        keys.wrap_pair_key(
            pair_key=b"k" * 32,
            pair_id=uuid.uuid4(),
            recipient_id=1,
            recipient_public=bytes(32),
            partner_public=keys.public_of(keys.identity_new()),
        )


def test_the_private_key_opens_only_with_its_owners_vault() -> None:
    dek = new_key()
    private = keys.identity_new()
    sealed = keys.private_seal(Vault(user_id=3, dek=dek), private)
    opened = keys.private_open(Vault(user_id=3, dek=dek), sealed)
    assert keys.public_of(opened) == keys.public_of(private)
    with pytest.raises(SealError):
        keys.private_open(Vault(user_id=4, dek=dek), sealed)
