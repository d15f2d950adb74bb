"""Low-level sealing: AES-256-GCM with padding, bound to its place by associated data."""

from __future__ import annotations

import pytest

from nearer.vault import crypto
from nearer.vault.crypto import HEADER, Sealer, SealError, new_key, padded_size

AAD = b"journal.entry.body|row-1|7"


def test_it_opens_what_it_sealed() -> None:
    sealer = Sealer(new_key())
    assert sealer.open(sealer.seal(b"a quiet morning", AAD), AAD) == b"a quiet morning"


def test_it_opens_empty_and_large_values() -> None:
    sealer = Sealer(new_key())
    big = b"x" * 300_000
    assert sealer.open(sealer.seal(b"", AAD), AAD) == b""
    assert sealer.open(sealer.seal(big, AAD), AAD) == big


def test_it_keeps_the_plaintext_out_of_the_sealed_bytes() -> None:
    sealed = Sealer(new_key()).seal(b"canary-words-inside", AAD)
    assert b"canary-words-inside" not in sealed


def test_it_writes_version_and_key_id_first() -> None:
    sealed = Sealer(new_key(), key_id=3).seal(b"hi", AAD)
    assert sealed[0] == crypto.VERSION
    assert sealed[1] == 3


def test_it_refuses_keys_that_are_not_32_bytes() -> None:
    with pytest.raises(ValueError):
        Sealer(b"short")


def test_it_pads_small_values_into_one_bucket() -> None:
    sealer = Sealer(new_key())
    sizes = {len(sealer.seal(b"y" * n, AAD)) for n in range(0, 60)}
    assert len(sizes) == 1


def test_it_pads_lengths_into_buckets_with_little_overhead() -> None:
    for length in (0, 1, 59, 60, 61, 100, 1000, 4095, 4096, 10_000, 123_457):
        size = padded_size(length)
        assert size >= length + 4
        assert size >= 64
        assert size <= max(64, (length + 4) * 1.13 + 64)


def test_it_gives_nearby_lengths_the_same_size() -> None:
    assert padded_size(1000) == padded_size(1010)
    assert padded_size(5000) == padded_size(5100)


def test_it_grows_monotonically() -> None:
    sizes = [padded_size(n) for n in range(0, 5000)]
    assert sizes == sorted(sizes)


def test_it_refuses_a_flipped_ciphertext_byte() -> None:
    sealer = Sealer(new_key())
    sealed = bytearray(sealer.seal(b"my words", AAD))
    sealed[HEADER + 3] ^= 0x01
    with pytest.raises(SealError):
        sealer.open(bytes(sealed), AAD)


def test_it_refuses_a_flipped_nonce_or_tag_byte() -> None:
    sealer = Sealer(new_key())
    sealed = sealer.seal(b"my words", AAD)
    for index in (2, len(sealed) - 1):
        broken = bytearray(sealed)
        broken[index] ^= 0x80
        with pytest.raises(SealError):
            sealer.open(bytes(broken), AAD)


def test_it_refuses_a_changed_header() -> None:
    sealer = Sealer(new_key())
    sealed = bytearray(sealer.seal(b"my words", AAD))
    sealed[0] = 99
    with pytest.raises(SealError):
        sealer.open(bytes(sealed), AAD)


def test_it_refuses_the_wrong_associated_data() -> None:
    sealer = Sealer(new_key())
    sealed = sealer.seal(b"my words", AAD)
    with pytest.raises(SealError):
        sealer.open(sealed, b"journal.entry.body|row-2|7")


def test_it_refuses_another_key() -> None:
    sealed = Sealer(new_key()).seal(b"my words", AAD)
    with pytest.raises(SealError):
        Sealer(new_key()).open(sealed, AAD)


def test_it_refuses_another_key_id() -> None:
    key = new_key()
    sealed = Sealer(key, key_id=1).seal(b"my words", AAD)
    with pytest.raises(SealError):
        Sealer(key, key_id=2).open(sealed, AAD)


@pytest.mark.parametrize("junk", [b"", b"\x01", b"\x01\x01" + b"\x00" * 20])
def test_it_refuses_truncated_values(junk: bytes) -> None:
    with pytest.raises(SealError):
        Sealer(new_key()).open(junk, AAD)


def test_it_accepts_memoryview_from_the_database() -> None:
    sealer = Sealer(new_key())
    sealed = sealer.seal(b"from a BinaryField", AAD)
    assert sealer.open(memoryview(sealed), AAD) == b"from a BinaryField"  # type: ignore[arg-type]


def test_it_derives_password_keys_that_depend_on_every_input() -> None:
    params = {"memory_kib": 1024, "time_cost": 1, "parallelism": 1}
    base = crypto.password_key("pw", salt=b"s" * 16, pepper=b"p" * 32, **params)
    assert len(base) == 32
    assert base == crypto.password_key("pw", salt=b"s" * 16, pepper=b"p" * 32, **params)
    assert base != crypto.password_key("pW", salt=b"s" * 16, pepper=b"p" * 32, **params)
    assert base != crypto.password_key("pw", salt=b"t" * 16, pepper=b"p" * 32, **params)
    assert base != crypto.password_key("pw", salt=b"s" * 16, pepper=b"q" * 32, **params)


def test_it_derives_recovery_keys_and_checks_that_depend_on_the_pepper() -> None:
    key = crypto.recovery_key("ABCD", salt=b"s" * 16, pepper=b"p" * 32)
    assert key != crypto.recovery_key("ABCD", salt=b"s" * 16, pepper=b"q" * 32)
    check = crypto.recovery_check("ABCD", pepper=b"p" * 32)
    assert check != crypto.recovery_check("ABCD", pepper=b"q" * 32)
    assert "ABCD" not in check
    assert len(check) == 64
