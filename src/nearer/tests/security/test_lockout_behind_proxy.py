"""Security: behind a trusted reverse proxy, lockout counts each client's own address
(from X-Forwarded-For), so one person's wrong guesses don't lock everyone out; and a
forwarded header from anyone else changes nothing (it cannot dodge a lockout)."""

from __future__ import annotations

from django.conf import settings
from django.test import Client, override_settings

from nearer.accounts.client import parse_trusted_proxies
from nearer.conftest import Person, Response
from nearer.tests.security.production import run_nearer

PROXY = "10.0.0.5"
WRONG = "a wrong password, again"


def _login(username: str, password: str, *, forwarded: str, remote: str = PROXY) -> Response:
    return Client().post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@override_settings(TRUSTED_PROXIES=parse_trusted_proxies([PROXY]))
def test_a_lockout_behind_the_proxy_is_that_clients_only(alice: Person) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login("alice", WRONG, forwarded="203.0.113.66")
    assert b"Too many tries" in _login("alice", alice.password, forwarded="203.0.113.66").content
    # Alice herself, at another address behind the same proxy, still gets in.
    assert _login("alice", alice.password, forwarded="198.51.100.7").status_code == 302


@override_settings(TRUSTED_PROXIES=parse_trusted_proxies([PROXY]))
def test_a_forged_header_on_the_left_cannot_dodge_the_lockout(alice: Person) -> None:
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login("alice", WRONG, forwarded=f"192.0.2.{number}, 203.0.113.66")
    response = _login("alice", alice.password, forwarded="192.0.2.200, 203.0.113.66")
    assert b"Too many tries" in response.content


@override_settings(TRUSTED_PROXIES=())
def test_without_a_trusted_proxy_the_header_is_ignored(alice: Person) -> None:
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login("alice", WRONG, forwarded=f"192.0.2.{number}", remote="203.0.113.66")
    response = _login("alice", alice.password, forwarded="192.0.2.99", remote="203.0.113.66")
    assert b"Too many tries" in response.content


@override_settings(TRUSTED_PROXIES=parse_trusted_proxies([PROXY]))
def test_recovery_attempts_are_counted_per_forwarded_client(alice: Person) -> None:
    from nearer.accounts.services import RECOVERY_LIMIT
    from nearer.vault.recovery_codes import new_code

    new = "plum kettle orbit lantern"
    data = {"username": "alice", "new_password1": new, "new_password2": new}
    for _ in range(RECOVERY_LIMIT):
        Client().post(
            "/accounts/forgot/",
            {**data, "recovery_code": new_code()},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    response = Client().post(
        "/accounts/forgot/",
        {**data, "recovery_code": alice.recovery_code},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_a_malformed_proxy_list_stops_start_up_naming_it() -> None:
    result = run_nearer(["check"], NEARER_TRUSTED_PROXIES="10.0.0.1, proxy.internal")
    assert result.returncode != 0
    assert "NEARER_TRUSTED_PROXIES" in result.stderr
    assert "proxy.internal" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_proxy_list_of_addresses_and_networks_starts() -> None:
    result = run_nearer(["check"], NEARER_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8, ::1")
    assert result.returncode == 0, result.stderr
