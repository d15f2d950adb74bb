"""keyring_recover: the recovery code opens the data key, and nothing else does."""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.vault.models import Keyring
from nearer.vault.recovery_codes import display, new_code
from nearer.vault.services import keyring_create, keyring_recover

PASSWORD = "a long enough passphrase"


def test_it_opens_with_the_code_as_shown_to_the_person(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    typed = display(new.recovery_code).lower()
    assert keyring_recover(user_id=bare_user.pk, typed_code=typed) == new.dek


def test_it_returns_none_for_another_code(bare_user: User) -> None:
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert keyring_recover(user_id=bare_user.pk, typed_code=new_code()) is None


def test_it_returns_none_for_something_that_is_not_a_code(bare_user: User) -> None:
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert keyring_recover(user_id=bare_user.pk, typed_code="not a code") is None
    assert keyring_recover(user_id=bare_user.pk, typed_code="") is None


def test_it_returns_none_without_a_keyring(bare_user: User) -> None:
    assert keyring_recover(user_id=bare_user.pk, typed_code=new_code()) is None


def test_it_refuses_another_users_code(bare_user: User) -> None:
    other = User.objects.create_user(username="eve", password=PASSWORD)
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    theirs = keyring_create(user_id=other.pk, password=PASSWORD)
    assert keyring_recover(user_id=bare_user.pk, typed_code=theirs.recovery_code) is None


def test_it_refuses_a_recovery_wrap_copied_from_another_user(bare_user: User) -> None:
    other = User.objects.create_user(username="eve", password=PASSWORD)
    mine = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring_create(user_id=other.pk, password=PASSWORD)
    source = Keyring.objects.get(user=bare_user)
    Keyring.objects.filter(user=other).update(
        dek_by_recovery=source.dek_by_recovery,
        recovery_salt=source.recovery_salt,
        recovery_check=source.recovery_check,
    )
    # The code's check matches, but the wrap is bound to its owner.
    assert keyring_recover(user_id=other.pk, typed_code=mine.recovery_code) is None
