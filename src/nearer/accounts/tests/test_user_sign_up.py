"""user_sign_up: an account, its keyring, and a recovery code in one transaction."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import connection, connections

from nearer.accounts.models import User
from nearer.accounts.services import SignedUp, user_sign_up
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


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("second_name", ["quillonrace", "QuillonRace"])
def test_two_sign_ups_of_one_name_at_once_give_one_account_and_one_calm_refusal(
    monkeypatch: pytest.MonkeyPatch, second_name: str
) -> None:
    # On PostgreSQL both threads find the name free, then both save: the second once
    # failed on the unique index (a 500). SQLite's immediate transactions let one
    # sign-up in at a time, so there the threads only start together.
    together = threading.Barrier(2, timeout=20)
    hold_after_check = connection.vendor == "postgresql"
    real_validate = password_validation.validate_password

    def validate_then_wait(password: str, user: object = None, validators: object = None) -> None:
        real_validate(password, user, validators)  # type: ignore[arg-type]
        if hold_after_check:
            together.wait()  # both have passed the "is the name taken?" check

    monkeypatch.setattr(password_validation, "validate_password", validate_then_wait)
    outcomes: list[object] = []

    def sign_up(username: str) -> None:
        try:
            if not hold_after_check:
                together.wait()
            outcomes.append(user_sign_up(username=username, password=STRONG))
        except Exception as exc:  # kept and asserted on below: what each request would see
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=sign_up, args=(name,)) for name in ("quillonrace", second_name)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    signed_up = [o for o in outcomes if isinstance(o, SignedUp)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(signed_up), len(refused)) == (1, 1), outcomes
    assert refused[0].message_dict == {"username": ["That name is taken. Please choose another."]}
    assert User.objects.filter(username__iexact="quillonrace").count() == 1
    assert Keyring.objects.filter(user_id=signed_up[0].user.pk).count() == 1
    assert Keyring.objects.count() == 1
