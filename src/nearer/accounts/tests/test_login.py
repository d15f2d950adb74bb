"""The login page: the password opens the account and its vault."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client

from nearer.accounts.models import User
from nearer.accounts.tests.helpers import verified_address
from nearer.conftest import Person, make_person
from nearer.tests.smtp import Inbox
from nearer.vault.models import Keyring
from nearer.vault.session import SESSION_DEK


def _login(client: Client, username: str, password: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


def test_it_shows_the_form(db: None) -> None:
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert b'autocomplete="current-password"' in response.content
    assert b"Your session ended" not in response.content


def test_it_logs_in_and_unlocks_the_vault(alice: Person) -> None:
    client = Client()
    response = _login(client, "alice", alice.password)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)
    assert SESSION_DEK in client.session
    assert response.cookies[settings.VAULT_COOKIE_NAME].value
    assert client.get("/").status_code == 200


def test_it_gives_a_new_session_id_at_login(alice: Person) -> None:
    client = Client()
    client.get("/accounts/login/")
    session = client.session
    session["before"] = True
    session.save()
    before = session.session_key
    _login(client, "alice", alice.password)
    assert client.session.session_key != before


def test_it_refuses_a_wrong_password_with_one_calm_message(alice: Person) -> None:
    client = Client()
    response = _login(client, "alice", "not the password at all")
    assert response.status_code == 200
    assert b"don&#x27;t match" in response.content
    assert "_auth_user_id" not in client.session


def test_it_says_the_same_for_an_unknown_name(db: None) -> None:
    response = _login(Client(), "nobody", "not the password at all")
    assert response.status_code == 200
    assert b"don&#x27;t match" in response.content


def test_it_refuses_when_the_vault_does_not_open(alice: Person) -> None:
    # A password hash that matches but a keyring that won't open (e.g. a lost pepper)
    # must not log in half-way, without a vault.
    Keyring.objects.filter(user=alice.user).update(dek_by_password=b"\x01\x03" + b"\x00" * 60)
    client = Client()
    response = _login(client, "alice", alice.password)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_it_follows_a_local_next(alice: Person) -> None:
    response = _login(Client(), "alice", alice.password, next="/accounts/")
    assert response["Location"] == "/accounts/"


def test_it_ignores_a_next_on_another_host(alice: Person) -> None:
    response = _login(Client(), "alice", alice.password, next="https://evil.example/")
    assert response["Location"] == "/"
    response = _login(Client(), "alice", alice.password, next="//evil.example/")
    assert response["Location"] == "/"


def test_it_says_when_a_session_ended(db: None) -> None:
    response = Client().get("/accounts/login/?ended=1")
    assert b"Your session ended" in response.content


def test_it_sends_a_logged_in_person_on(alice: Person) -> None:
    response = alice.client.get("/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_it_gives_an_account_made_elsewhere_its_vault_at_first_login(db: None) -> None:
    User.objects.create_superuser(username="root", password="an admin passphrase", email="")
    client = Client()
    response = _login(client, "root", "an admin passphrase")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/recovery-code/"
    assert Keyring.objects.filter(user__username="root").exists()
    assert client.get("/").status_code == 200


def test_it_answers_405_to_other_methods(db: None) -> None:
    assert Client().put("/accounts/login/").status_code == 405


def test_it_finds_the_name_in_any_case_like_sign_up(alice: Person) -> None:
    client = Client()
    response = _login(client, "ALICE", alice.password)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.user.pk)


def test_it_counts_every_spelling_of_a_name_toward_one_lockout(alice: Person) -> None:
    spellings = ["Alice", "ALICE", "alice", "aLICE", "AlIcE", "ALice", "alICE", "aliCE"]
    assert len(spellings) > settings.AXES_FAILURE_LIMIT
    for spelling in spellings[: settings.AXES_FAILURE_LIMIT]:
        _login(Client(), spelling, "not the password at all")
    # As many wrong passwords as the limit, each under another spelling, reach the
    # limit of the one name: even the right password in yet another spelling is refused.
    client = Client()
    response = _login(client, spellings[-1], alice.password)
    assert b"Too many tries" in response.content
    assert "_auth_user_id" not in client.session


def test_a_first_visit_says_what_nearer_is_and_offers_both_ways_in(db: None) -> None:
    response = Client().get("/", follow=True)
    html = response.content.decode()
    assert "<h1>Welcome to Nearer</h1>" in html
    assert "Welcome back" not in html
    assert 'href="/accounts/signup/">Create an account</a>' in html
    assert "Log in</h2>" in html and 'name="password"' in html


def test_someone_just_logged_out_is_welcomed_back(alice: Person) -> None:
    alice.client.post("/accounts/logout/")
    html = alice.client.get("/accounts/login/?out=1").content.decode()
    assert "<h1>Welcome back</h1>" in html and "Welcome to Nearer" not in html


def test_maya_logs_in_as_maya_in_lower_case(db: None) -> None:
    # Defect: sign-up treated "Maya" and "maya" as one name but log-in did not.
    maya = make_person("Maya")
    client = Client()
    response = _login(client, "maya", maya.password)
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(maya.user.pk)


def test_wrong_passwords_for_maya_in_any_case_reach_one_lockout(db: None) -> None:
    maya = make_person("Maya")
    spellings = ["maya", "MAYA", "mAyA", "Maya", "mayA", "MAya", "maYA"]
    for spelling in spellings[: settings.AXES_FAILURE_LIMIT]:
        _login(Client(), spelling, "not the password at all")
    client = Client()
    response = _login(client, "maya", maya.password)
    assert b"Too many tries" in response.content
    assert "_auth_user_id" not in client.session


def test_a_failed_attempt_typed_in_lower_case_is_kept_for_maya(db: None) -> None:
    from nearer.accounts.signins import signins_for

    maya = make_person("Maya")
    _login(Client(), "maya", "not the password at all")
    kept = signins_for(user=maya.user, vault=maya.vault)
    assert [s.succeeded for s in kept][:1] == [False]


FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"


def test_a_sign_in_from_a_new_device_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    verified_address(alice.user, "ally.orchard@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = _login(Client(HTTP_USER_AGENT=FIREFOX_ON_LINUX), "alice", alice.password)
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["Subject"] == "A new sign-in to Nearer"
    assert "Firefox" not in smtp_server.bodies()[0]


def test_a_sign_in_from_a_device_seen_before_tells_nobody(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    # The fixture logged alice in once with the test client's (empty) browser name.
    verified_address(alice.user, "ally.orchard@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert _login(Client(), "alice", alice.password).status_code == 302
    assert smtp_server.messages == []


def test_a_new_device_is_not_told_to_an_unverified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    User.objects.filter(pk=alice.user.pk).update(email="ally.orchard@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _login(Client(HTTP_USER_AGENT=FIREFOX_ON_LINUX), "alice", alice.password)
    assert smtp_server.messages == []


def test_a_failed_attempt_from_a_device_does_not_make_it_known(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    verified_address(alice.user, "ally.orchard@example.org")
    _login(Client(HTTP_USER_AGENT=FIREFOX_ON_LINUX), "alice", "not the password at all")
    with django_capture_on_commit_callbacks(execute=True):
        _login(Client(HTTP_USER_AGENT=FIREFOX_ON_LINUX), "alice", alice.password)
    assert [m["Subject"] for m in smtp_server.messages] == ["A new sign-in to Nearer"]
