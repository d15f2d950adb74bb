"""Account → Security: the person's sessions (this one marked) and recent sign-ins."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.accounts.signins import session_handle
from nearer.conftest import Person

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
URL = "/accounts/security/"


def _second_device(person: Person) -> Client:
    other = Client(HTTP_USER_AGENT=FIREFOX_ANDROID)
    response = other.post(
        "/accounts/login/", {"username": person.user.username, "password": person.password}
    )
    assert response.status_code == 302
    return other


def test_it_shows_each_session_with_this_one_marked(alice: Person) -> None:
    _second_device(alice)
    page = alice.client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Firefox on Android" in text
    assert text.count("this device") == 1
    assert "within the last hour" in text
    assert "Log out everywhere else" in text


def test_it_shows_recent_sign_ins_and_failed_attempts(alice: Person) -> None:
    Client(HTTP_USER_AGENT=FIREFOX_ANDROID).post(
        "/accounts/login/", {"username": "alice", "password": "a password that is wrong"}
    )
    text = alice.client.get(URL).content.decode()
    assert "a password that didn't match, Firefox on Android" in text
    assert "signed in" in text


def test_it_shows_no_one_elses_sessions(alice: Person, bob: Person) -> None:
    _second_device(bob)
    text = alice.client.get(URL).content.decode()
    assert "Firefox on Android" not in text
    assert "Only this device is logged in." in text


def test_it_keeps_the_device_label_sealed_in_the_session_row(alice: Person) -> None:
    _second_device(alice)
    for row in AccountSession.objects.filter(user_id=alice.user.pk):
        assert "Firefox" not in row.session_data
        assert "Android" not in str(row.get_decoded())


def test_it_never_puts_a_session_key_on_the_page(alice: Person) -> None:
    _second_device(alice)
    text = alice.client.get(URL).content.decode()
    for key in AccountSession.objects.values_list("session_key", flat=True):
        assert key not in text
    assert alice.client.session.session_key is not None


def test_it_has_room_marked_for_the_second_factor(alice: Person) -> None:
    assert 'id="second-factor"' in alice.client.get(URL).content.decode()


def test_it_needs_a_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_handle_shown_ends_that_session(alice: Person) -> None:
    other = _second_device(alice)
    key = other.session.session_key
    assert key is not None
    assert session_handle(key) in alice.client.get(URL).content.decode()
