"""Security test 4: nonces are unique over many seals (AES-GCM must never repeat one)."""

from __future__ import annotations

from nearer.vault.box import Vault
from nearer.vault.crypto import HEADER, NONCE_BYTES, Sealer, new_key

SEALS = 10_000


def _nonce(sealed: bytes) -> bytes:
    return sealed[HEADER - NONCE_BYTES : HEADER]


def test_it_never_repeats_a_nonce_over_ten_thousand_seals() -> None:
    sealer = Sealer(new_key())
    nonces = {_nonce(sealer.seal(b"the same words", b"same|place|1")) for _ in range(SEALS)}
    assert len(nonces) == SEALS


def test_it_never_repeats_a_nonce_through_the_vault() -> None:
    vault = Vault(user_id=1, dek=new_key())
    nonces = {_nonce(vault.seal_text("journal.entry.content", 1, "same")) for _ in range(SEALS)}
    assert len(nonces) == SEALS


def test_it_gives_the_same_words_a_different_ciphertext_every_time() -> None:
    vault = Vault(user_id=1, dek=new_key())
    sealed = {vault.seal_text("a.b.c", 1, "same words") for _ in range(100)}
    assert len(sealed) == 100


def test_it_uses_twelve_byte_random_nonces() -> None:
    assert NONCE_BYTES == 12
    sealed = Sealer(new_key()).seal(b"x", b"aad")
    assert len(_nonce(sealed)) == 12
    assert _nonce(sealed) != bytes(12)
