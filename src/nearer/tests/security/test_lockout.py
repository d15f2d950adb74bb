"""Security test 6: lockout after N bad logins, even with the right password afterwards;
recovery attempts are throttled."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from nearer.accounts.services import RECOVERY_LIMIT
from nearer.conftest import Person
from nearer.vault.recovery_codes import new_code

NEW = "plum kettle orbit lantern"


def _login(client: Client, username: str, password: str, ip: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _fail_until_locked(client: Client, username: str, ip: str = "127.0.0.1") -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, username, "a wrong password, again", ip)


def test_it_locks_out_after_the_limit_even_with_the_right_password(alice: Person) -> None:
    client = Client()
    _fail_until_locked(client, "alice")
    response = _login(client, "alice", alice.password)
    assert response.status_code in (403, 429)
    assert b"Too many tries" in response.content
    assert "_auth_user_id" not in client.session
    assert settings.VAULT_COOKIE_NAME not in response.cookies


def test_it_does_not_lock_out_before_the_limit(alice: Person) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "alice", "a wrong password, again")
    assert _login(client, "alice", alice.password).status_code == 302


def test_it_keeps_the_lockout_to_that_name_and_address(alice: Person, bob: Person) -> None:
    _fail_until_locked(Client(), "alice", ip="203.0.113.5")
    assert _login(Client(), "bob", bob.password, ip="203.0.113.5").status_code == 302
    assert _login(Client(), "alice", alice.password, ip="198.51.100.7").status_code == 302


def test_it_locks_out_names_that_do_not_exist_the_same_way(db: None) -> None:
    client = Client()
    _fail_until_locked(client, "nobody")
    response = _login(client, "nobody", "whatever it is")
    assert b"Too many tries" in response.content


def test_it_uses_a_small_limit() -> None:
    assert 1 <= settings.AXES_FAILURE_LIMIT <= 10


def test_it_throttles_recovery_codes_even_with_the_right_code_afterwards(alice: Person) -> None:
    client = Client()
    data = {"username": "alice", "new_password1": NEW, "new_password2": NEW}
    for _ in range(RECOVERY_LIMIT):
        client.post("/accounts/forgot/", {**data, "recovery_code": new_code()})
    response = client.post("/accounts/forgot/", {**data, "recovery_code": alice.recovery_code})
    assert response.status_code == 429
    assert b"Too many tries" in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert "_auth_user_id" not in client.session


def test_it_keeps_recovery_guessing_far_below_the_code_space() -> None:
    # 160-bit codes, at most RECOVERY_LIMIT guesses per quarter hour per name and address.
    assert RECOVERY_LIMIT <= 10
