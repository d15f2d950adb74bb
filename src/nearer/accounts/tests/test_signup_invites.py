"""Sign-up invites (accounts.invites): made with a code shown once, taken once, expiring."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.accounts.invites import (
    MAX_DAYS,
    code_hash,
    signup_invite_create,
    signup_invite_revoke,
    signup_invite_take,
)
from nearer.accounts.models import SignupInvite


def test_it_keeps_only_a_peppered_hash_of_the_code(db: None) -> None:
    made = signup_invite_create()
    row = SignupInvite.objects.get()
    raw = made.code.replace("-", "")
    assert row.code_hash == code_hash(made.code)
    assert raw not in row.code_hash and made.code not in str(row.__dict__)
    assert len(raw) == 20


def test_it_expires_after_seven_days_by_default(db: None) -> None:
    made = signup_invite_create()
    left = made.invite.expires_at - timezone.now()
    assert timedelta(days=6, hours=23) < left <= timedelta(days=7)


@pytest.mark.parametrize("days", [0, -1, MAX_DAYS + 1])
def test_it_refuses_a_length_outside_one_to_ninety_days(db: None, days: int) -> None:
    with pytest.raises(ValidationError, match="1 to 90 days"):
        signup_invite_create(days=days)
    assert not SignupInvite.objects.exists()


def test_a_code_is_taken_once_typed_in_any_case_and_with_spaces(db: None) -> None:
    made = signup_invite_create(days=MAX_DAYS)
    signup_invite_take(code=" " + made.code.lower().replace("-", " "))
    assert SignupInvite.objects.get().used_at is not None
    with pytest.raises(ValidationError) as caught:
        signup_invite_take(code=made.code)
    assert "invite" in caught.value.message_dict


def test_an_expired_invite_opens_nothing(db: None) -> None:
    made = signup_invite_create(days=1)
    SignupInvite.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError):
        signup_invite_take(code=made.code)
    assert SignupInvite.objects.get().used_at is None


def test_a_revoked_invite_opens_nothing(db: None) -> None:
    made = signup_invite_create()
    signup_invite_revoke(invite=made.invite)
    with pytest.raises(ValidationError):
        signup_invite_take(code=made.code)


def test_revoking_leaves_a_used_invite_as_it_was(db: None) -> None:
    made = signup_invite_create()
    signup_invite_take(code=made.code)
    signup_invite_revoke(invite=made.invite)
    assert SignupInvite.objects.get().revoked_at is None


@pytest.mark.parametrize("typed", ["", "   ", "NOT-A-REAL-CODE-AT-ALL"])
def test_a_wrong_or_empty_code_opens_nothing(db: None, typed: str) -> None:
    signup_invite_create()
    with pytest.raises(ValidationError):
        signup_invite_take(code=typed)
    assert SignupInvite.objects.get().used_at is None
