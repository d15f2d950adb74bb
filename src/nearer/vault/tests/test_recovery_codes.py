"""Recovery codes: 160 random bits, readable groups, forgiving input."""

from __future__ import annotations

from nearer.vault.recovery_codes import ALPHABET, display, new_code, normalise


def test_it_makes_codes_of_at_least_128_bits() -> None:
    code = new_code()
    assert len(code) == 32
    assert set(code) <= set(ALPHABET)
    # 32 symbols of a 32-letter alphabet: 160 bits.
    assert len(ALPHABET) ** len(code) >= 2**128


def test_it_makes_a_different_code_each_time() -> None:
    assert len({new_code() for _ in range(200)}) == 200


def test_it_shows_codes_in_groups_of_four() -> None:
    code = new_code()
    shown = display(code)
    assert shown.replace("-", "") == code
    assert all(len(group) == 4 for group in shown.split("-"))


def test_it_accepts_lower_case_spaces_and_dashes() -> None:
    code = new_code()
    typed = " " + display(code).lower().replace("-", " - ") + " "
    assert normalise(typed) == code


def test_it_reads_letters_that_look_like_digits_as_digits() -> None:
    code = "0" * 16 + "1" * 16
    assert normalise("O" * 16 + "I" * 8 + "l" * 8) == code


def test_it_refuses_wrong_lengths_and_letters() -> None:
    assert normalise("") is None
    assert normalise("ABC") is None
    assert normalise("U" * 32) is None
    assert normalise(new_code() + "A") is None
