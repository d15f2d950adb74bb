"""accounts.second_factor: set-up, codes used once, backup codes, the pending step."""

from __future__ import annotations

import time
from datetime import timedelta

import pyotp
from django.utils import timezone

from nearer.accounts import second_factor
from nearer.accounts.second_factor_models import BackupCode, SecondFactorPending, TotpDevice
from nearer.accounts.tests.second_factor_helpers import code_in, turn_on
from nearer.conftest import Person


def test_a_wrong_first_code_turns_nothing_on(alice: Person) -> None:
    secret = second_factor.totp_setup_begin(user=alice.user, vault=alice.vault)
    wrong = "000000" if code_in(secret, 0) != "000000" else "111111"
    assert second_factor.totp_setup_confirm(user=alice.user, vault=alice.vault, code=wrong) is None
    assert not second_factor.totp_active(user=alice.user)
    assert not BackupCode.objects.filter(user=alice.user).exists()


def test_a_right_first_code_turns_it_on_with_ten_backup_codes(alice: Person) -> None:
    _, codes = turn_on(alice)
    assert second_factor.totp_active(user=alice.user)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert second_factor.backup_codes_left(user=alice.user) == 10


def test_the_secret_is_kept_sealed(alice: Person) -> None:
    secret, _ = turn_on(alice)
    device = TotpDevice.objects.get(user=alice.user)
    assert secret.encode() not in bytes(device.secret_sealed)


def test_the_same_code_is_refused_the_second_time(alice: Person) -> None:
    secret, _ = turn_on(alice)
    code = code_in(secret, 1)
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=code)
    assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=code)


def test_a_code_from_before_the_last_one_is_refused(alice: Person) -> None:
    secret, _ = turn_on(alice)
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=code_in(secret, 1))
    older = code_in(secret, 0)
    if older != code_in(secret, 1):
        assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=older)


def test_a_code_a_minute_old_is_refused(alice: Person) -> None:
    secret, _ = turn_on(alice)
    now = time.time() + 600
    old = pyotp.TOTP(secret).at(now - 60)
    assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=old, now=now)
    fresh = pyotp.TOTP(secret).at(now)
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=fresh, now=now)


def test_a_backup_code_works_once(alice: Person) -> None:
    _, codes = turn_on(alice)
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=codes[3])
    assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=codes[3])
    assert second_factor.backup_codes_left(user=alice.user) == 9


def test_a_backup_code_may_be_typed_without_its_dash_in_capitals(alice: Person) -> None:
    _, codes = turn_on(alice)
    typed = codes[0].replace("-", " ").upper()
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=typed)


def test_one_persons_backup_code_is_not_anothers(alice: Person, bob: Person) -> None:
    _, codes = turn_on(alice)
    turn_on(bob)
    assert not second_factor.code_accept(user=bob.user, vault=bob.vault, typed=codes[0])


def test_backup_codes_are_kept_only_as_hashes(alice: Person) -> None:
    _, codes = turn_on(alice)
    kept = {row.code_hash for row in BackupCode.objects.filter(user=alice.user)}
    for code in codes:
        assert code not in kept and code.replace("-", "") not in kept


def test_new_backup_codes_end_the_old_ones(alice: Person) -> None:
    _, old = turn_on(alice)
    new = second_factor.backup_codes_renew(user=alice.user)
    assert not set(old) & set(new)
    assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=old[0])
    assert second_factor.code_accept(user=alice.user, vault=alice.vault, typed=new[0])


def test_turning_off_forgets_the_app_and_the_codes(alice: Person) -> None:
    turn_on(alice)
    second_factor.second_factor_turn_off(user=alice.user)
    assert not second_factor.totp_active(user=alice.user)
    assert not TotpDevice.objects.filter(user=alice.user).exists()
    assert not BackupCode.objects.filter(user=alice.user).exists()


def test_the_pending_step_opens_only_with_its_cookie(alice: Person) -> None:
    dek = b"k" * 32
    token = second_factor.pending_start(user=alice.user, dek=dek, next_path="/journal/")
    pending = second_factor.pending_open(token=token)
    assert pending is not None and pending.dek == dek and pending.next_path == "/journal/"
    assert second_factor.pending_open(token=token[:-2] + "xx") is None
    row = SecondFactorPending.objects.get()
    assert dek not in bytes(row.dek_sealed)
    assert token not in row.token_hash


def test_the_pending_step_closes_after_a_few_minutes(alice: Person) -> None:
    token = second_factor.pending_start(user=alice.user, dek=b"k" * 32, next_path="")
    SecondFactorPending.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert second_factor.pending_open(token=token) is None


def test_the_pending_step_closes_after_the_wrong_code_limit(alice: Person) -> None:
    token = second_factor.pending_start(user=alice.user, dek=b"k" * 32, next_path="")
    pending = second_factor.pending_open(token=token)
    assert pending is not None
    closed = [second_factor.pending_wrong_code(pending=pending) for _ in range(5)]
    assert closed == [False, False, False, False, True]
    assert second_factor.pending_open(token=token) is None
