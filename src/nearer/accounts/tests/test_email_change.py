"""The email for reminders on the account page: seen, changed, removed; bad input refused."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.forms import EMAIL_MAX
from nearer.accounts.models import User
from nearer.conftest import Person

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
