"""accounts.totp: which 30-second step a typed code is, within one step either side."""

from __future__ import annotations

import pyotp

from nearer.accounts import totp

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NOW = 1_800_000_015.0  # inside step 60_000_000
STEP = 60_000_000


def _code(step: int) -> str:
    return pyotp.TOTP(SECRET).at(step * 30)


def test_it_knows_the_current_step() -> None:
    assert totp.matching_step(SECRET, _code(STEP), now=NOW) == STEP


def test_it_takes_one_step_either_side() -> None:
    assert totp.matching_step(SECRET, _code(STEP - 1), now=NOW) == STEP - 1
    assert totp.matching_step(SECRET, _code(STEP + 1), now=NOW) == STEP + 1


def test_it_refuses_two_steps_away() -> None:
    for step in (STEP - 2, STEP + 2):
        code = _code(step)
        if code not in {_code(STEP - 1), _code(STEP), _code(STEP + 1)}:
            assert totp.matching_step(SECRET, code, now=NOW) is None


def test_it_allows_spaces_a_person_types() -> None:
    code = _code(STEP)
    assert totp.matching_step(SECRET, f" {code[:3]} {code[3:]} ", now=NOW) == STEP


def test_it_refuses_what_is_not_six_digits() -> None:
    code = _code(STEP)
    for typed in ("", code[:5], code + "0", "abcdef", "١٢٣٤٥٦"):
        assert totp.matching_step(SECRET, typed, now=NOW) is None


def test_the_qr_code_is_an_svg_image_address() -> None:
    uri = totp.setup_uri(SECRET, account_name="alice")
    assert uri.startswith("otpauth://totp/Nearer:alice?")
    assert totp.qr_data_uri(uri).startswith("data:image/svg+xml")


def test_a_new_secret_is_long_and_new() -> None:
    first, second = totp.new_secret(), totp.new_secret()
    assert len(first) == 32 and first != second
