"""Security test 7: a password change keeps the data readable, the old password stops
working and other sessions end; recovery with the code keeps the data, and the code
works once."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.second_factor import second_factor_on, second_factor_turn_off
from nearer.conftest import Person
from nearer.journal.selectors import entries_recent
from nearer.tests.security.samples import Samples, make_samples
from nearer.vault.box import Vault

NEW = "plum kettle orbit lantern"
NEWER = "a fresh and rather long phrase"


def _vault_of(client: Client) -> Vault:
    response = client.get("/")
    assert response.status_code == 200
    vault = response.wsgi_request.vault  # type: ignore[attr-defined]
    assert isinstance(vault, Vault)
    return vault


def _assert_all_readable(samples: Samples, client: Client) -> None:
    """Every sample is readable through the vault a fresh login gives this client."""
    person = samples.person
    opened = entries_recent(user=person.user, vault=_vault_of(client), limit=50)
    assert opened and all(view.readable for view in opened)
    texts = {view.title for view in opened} | {view.body for view in opened}
    for entry_words in samples.words:
        if "-title-" in entry_words or "-body-" in entry_words:
            assert entry_words in texts
    assert b"owner-secret-name" in client.get("/").content
    for entry in samples.entries:
        page = client.get(f"/journal/{entry.id}/")
        assert page.status_code == 200
        assert b"could not be opened" not in page.content
        assert f"owner-secret-body-{samples.entries.index(entry)}".encode() in page.content


def _samples_without_a_second_step(person: Person) -> Samples:
    """The samples with their second step off: their passkey alone is a second step,
    which a test client can't answer (it has its own tests in accounts/ and browser/)."""
    samples = make_samples(person)
    assert second_factor_on(user=person.user)
    second_factor_turn_off(user=person.user)
    assert not second_factor_on(user=person.user)
    return samples


def _login(username: str, password: str) -> tuple[Client, int]:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return client, response.status_code


def test_a_password_change_keeps_everything_readable(alice: Person) -> None:
    samples = _samples_without_a_second_step(alice)
    response = alice.client.post(
        "/accounts/password/",
        {"password": alice.password, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    _assert_all_readable(samples, alice.client)
    client, status = _login("alice", NEW)
    assert status == 302
    _assert_all_readable(samples, client)


def test_the_old_password_stops_working(alice: Person) -> None:
    alice.client.post(
        "/accounts/password/",
        {"password": alice.password, "new_password1": NEW, "new_password2": NEW},
    )
    client, status = _login("alice", alice.password)
    assert status == 200
    assert "_auth_user_id" not in client.session


def test_a_password_change_ends_other_sessions(alice: Person) -> None:
    other, status = _login("alice", alice.password)
    assert status == 302
    alice.client.post(
        "/accounts/password/",
        {"password": alice.password, "new_password1": NEW, "new_password2": NEW},
    )
    response = other.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert other.post("/accounts/", {"display_name": "x", "time_zone": "UTC"}).status_code == 302
    assert alice.client.get("/").status_code == 200


def _recover(code: str, password: str) -> tuple[Client, int]:
    client = Client()
    response = client.post(
        "/accounts/forgot/",
        {
            "username": "alice",
            "recovery_code": code,
            "new_password1": password,
            "new_password2": password,
        },
    )
    return client, response.status_code


def test_recovery_with_the_code_keeps_everything_readable(alice: Person) -> None:
    samples = _samples_without_a_second_step(alice)
    client, status = _recover(alice.recovery_code, NEW)
    assert status == 302
    _assert_all_readable(samples, client)
    client, status = _login("alice", NEW)
    assert status == 302
    _assert_all_readable(samples, client)


def test_the_recovery_code_works_once(alice: Person) -> None:
    _client, status = _recover(alice.recovery_code, NEW)
    assert status == 302
    again, status = _recover(alice.recovery_code, NEWER)
    assert status == 200
    assert "_auth_user_id" not in again.session
    assert _login("alice", NEWER)[1] == 200
    assert _login("alice", NEW)[1] == 302


def test_recovery_ends_every_session_that_was_open(alice: Person) -> None:
    _recover(alice.recovery_code, NEW)
    assert alice.client.get("/").status_code == 302


def test_the_new_recovery_code_works_and_keeps_the_data(alice: Person) -> None:
    samples = make_samples(alice)
    client, _status = _recover(alice.recovery_code, NEW)
    html = client.get("/accounts/recovery-code/").content.decode()
    start = html.index('id="recovery-code"')
    new_code = html[html.index(">", start) + 1 : html.index("</p>", start)]
    client, status = _recover(new_code, NEWER)
    assert status == 302
    _assert_all_readable(samples, client)
