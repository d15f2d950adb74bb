"""The email for reminders on the account page: seen, changed, removed; bad input refused."""

from __future__ import annotations

import re
import socket

from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from nearer.accounts.forms import EMAIL_MAX
from nearer.accounts.models import User
from nearer.conftest import Person
from nearer.tests.smtp import Inbox

URL = "/accounts/email/"


def _email(person: Person) -> str:
    return User.objects.get(pk=person.user.pk).email


def test_the_account_page_shows_the_email_given_at_sign_up(alice: Person) -> None:
    User.objects.filter(pk=alice.user.pk).update(email="alice.lantern@example.org")
    html = alice.client.get("/accounts/").content.decode()
    assert "Your email is <strong>alice.lantern@example.org</strong>" in html
    assert 'value="alice.lantern@example.org"' in html
    assert f"up to {EMAIL_MAX} characters" in html
    assert "Remove your email" in html


def test_without_an_email_the_page_says_so_and_offers_no_removal(alice: Person) -> None:
    html = alice.client.get("/accounts/").content.decode()
    assert "You haven't given an email" in html
    assert "Remove your email" not in html


def test_it_changes_the_email(alice: Person) -> None:
    response = alice.client.post(URL, {"account-email": "  ally.orchard@example.org "})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/#email"
    assert _email(alice) == "ally.orchard@example.org"
    page = alice.client.get(response["Location"]).content.decode()
    assert "Your email is saved." in page


def test_it_removes_the_email(alice: Person) -> None:
    User.objects.filter(pk=alice.user.pk).update(email="alice.lantern@example.org")
    response = alice.client.post(URL, {"account-email": ""}, follow=True)
    assert _email(alice) == ""
    assert "Your email is removed." in response.content.decode()


def test_a_bad_address_gets_a_clear_message_and_changes_nothing(alice: Person) -> None:
    User.objects.filter(pk=alice.user.pk).update(email="alice.lantern@example.org")
    too_long = "a" * (EMAIL_MAX - len("@example.org") + 1) + "@example.org"
    for bad, words in (
        ("not an address", "like sam@example.org"),
        (too_long, f"at most {EMAIL_MAX} characters"),
    ):
        response = alice.client.post(URL, {"account-email": bad})
        assert response.status_code == 200
        html = response.content.decode()
        assert words in html
        assert "Your email is <strong>alice.lantern@example.org</strong>" in html
        assert _email(alice) == "alice.lantern@example.org"


def test_it_needs_a_login_and_a_post(alice: Person) -> None:
    response = Client().post(URL, {"account-email": "sneaky.pelican@example.org"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert alice.client.get(URL).status_code == 405
    assert _email(alice) == ""


def test_it_changes_only_the_persons_own_email(alice: Person, bob: Person) -> None:
    User.objects.filter(pk=bob.user.pk).update(email="bob.meadow@example.org")
    alice.client.post(URL, {"account-email": "ally.orchard@example.org"})
    assert _email(bob) == "bob.meadow@example.org"


def _link_in(body: str) -> str:
    match = re.search(r"https?://\S+/accounts/email/confirm/\S+/", body)
    assert match, body
    return match.group(0)


def test_a_new_address_gets_a_link_by_smtp_that_confirms_it(
    alice: Person, smtp_server: Inbox
) -> None:
    response = alice.client.post(URL, {"account-email": "ally.orchard@example.org"}, follow=True)
    assert "We sent it a link to confirm it" in response.content.decode()
    assert "not confirmed yet" in response.content.decode()
    [body] = smtp_server.bodies()
    assert smtp_server.envelopes[0][1] == ["ally.orchard@example.org"]
    assert Client().post(_path(_link_in(body))).status_code == 200
    assert User.objects.get(pk=alice.user.pk).email_verified_at is not None
    assert ", confirmed." in alice.client.get("/accounts/").content.decode()


def test_the_link_uses_the_configured_address_of_the_site(
    alice: Person, smtp_server: Inbox, settings: SettingsWrapper
) -> None:
    settings.BASE_URL = "https://nearer.example.org"
    alice.client.post(URL, {"account-email": "ally.orchard@example.org"})
    assert _link_in(smtp_server.bodies()[0]).startswith(
        "https://nearer.example.org/accounts/email/confirm/"
    )


def test_a_mail_server_that_refuses_is_a_calm_message(alice: Person, smtp_refusing: Inbox) -> None:
    response = alice.client.post(URL, {"account-email": "ally.orchard@example.org"}, follow=True)
    assert response.status_code == 200
    assert "couldn&#x27;t be sent just now" in response.content.decode()
    assert _email(alice) == "ally.orchard@example.org"
    assert User.objects.get(pk=alice.user.pk).email_verified_at is None


def test_a_mail_server_that_is_not_there_is_a_calm_message(
    alice: Person, settings: SettingsWrapper
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    response = alice.client.post(URL, {"account-email": "ally.orchard@example.org"}, follow=True)
    assert response.status_code == 200
    assert "couldn&#x27;t be sent just now" in response.content.decode()


def test_asking_again_sends_a_new_link_and_the_old_one_stops(
    alice: Person, smtp_server: Inbox
) -> None:
    alice.client.post(URL, {"account-email": "ally.orchard@example.org"})
    response = alice.client.post("/accounts/email/link-again/", follow=True)
    assert "A new link is on its way" in response.content.decode()
    first, second = (_link_in(body) for body in smtp_server.bodies())
    assert first != second
    assert Client().post(_path(first)).status_code == 400
    assert Client().post(_path(second)).status_code == 200


def _path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # closed again when the probe is: nothing listens there
