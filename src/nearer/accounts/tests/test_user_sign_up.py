"""user_sign_up: an account, its keyring, and a recovery code in one transaction."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.models import User
from nearer.accounts.services import user_sign_up
from nearer.vault.models import Keyring
from nearer.vault.services import keyring_recover, keyring_unlock

STRONG = "plum kettle orbit lantern"


def test_it_returns_the_user_the_key_and_the_code(db: None) -> None:
    new = user_sign_up(username="dora", password=STRONG, email="d@example.org")
    assert new.user.username == "dora"
    assert new.user.check_password(STRONG)
    assert keyring_unlock(user_id=new.user.pk, password=STRONG) == new.dek
    assert keyring_recover(user_id=new.user.pk, typed_code=new.recovery_code) == new.dek


def test_it_refuses_a_taken_name_whatever_its_case(db: None) -> None:
    user_sign_up(username="dora", password=STRONG)
    with pytest.raises(ValidationError) as caught:
        user_sign_up(username="Dora", password=STRONG)
    assert "username" in caught.value.message_dict
    assert User.objects.count() == 1


def test_it_refuses_a_weak_password_and_leaves_no_rows(db: None) -> None:
    with pytest.raises(ValidationError):
        user_sign_up(username="dora", password="qwerty123456")
    assert not User.objects.exists()
    assert not Keyring.objects.exists()


def test_it_refuses_a_password_like_the_name(db: None) -> None:
    with pytest.raises(ValidationError):
        user_sign_up(username="dorathexplorer", password="dorathexplorer")
    assert not User.objects.exists()
