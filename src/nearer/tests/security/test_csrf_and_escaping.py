"""Security test 9: a POST without a CSRF token gets 403 and our own page; stored
``<script>`` renders escaped."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from nearer.accounts.services import preferences_get, preferences_update
from nearer.conftest import Person

SCRIPT = "<script>alert('gotcha')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;gotcha&#x27;)&lt;/script&gt;"


def _token(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "the form carries a CSRF token"
    return match.group(1)


@pytest.fixture
def strict_alice(alice: Person) -> Client:
    """Alice logged in through a client that enforces CSRF like a browser."""
    client = Client(enforce_csrf_checks=True)
    token = _token(client, "/accounts/login/")
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": alice.password, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    return client


def test_a_login_without_a_token_gets_our_403_page(alice: Person) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 403
    assert b"This page was open for too long" in response.content
    assert b"nothing was saved" in response.content
    assert "_auth_user_id" not in client.session


def test_a_logged_in_post_without_a_token_changes_nothing(
    strict_alice: Client, alice: Person
) -> None:
    response = strict_alice.post("/accounts/", {"display_name": "Forged", "time_zone": "UTC"})
    assert response.status_code == 403
    assert b"This page was open for too long" in response.content
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_a_post_with_a_wrong_token_changes_nothing(strict_alice: Client, alice: Person) -> None:
    response = strict_alice.post(
        "/accounts/",
        {"display_name": "Forged", "time_zone": "UTC", "csrfmiddlewaretoken": "x" * 64},
    )
    assert response.status_code == 403
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_a_post_from_another_origin_is_refused(strict_alice: Client, alice: Person) -> None:
    token = _token(strict_alice, "/accounts/")
    response = strict_alice.post(
        "/accounts/",
        {"display_name": "Forged", "time_zone": "UTC", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_logout_without_a_token_keeps_the_person_logged_in(strict_alice: Client) -> None:
    assert strict_alice.post("/accounts/logout/").status_code == 403
    assert strict_alice.get("/").status_code == 200


def test_a_post_with_the_token_works(strict_alice: Client, alice: Person) -> None:
    token = _token(strict_alice, "/accounts/")
    response = strict_alice.post(
        "/accounts/", {"display_name": "Ally", "time_zone": "UTC", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert preferences_get(user=alice.user, vault=alice.vault)["display_name"] == "Ally"


def test_the_csrf_cookie_is_not_readable_by_script() -> None:
    assert settings.CSRF_COOKIE_HTTPONLY is True


def test_a_stored_script_in_the_display_name_renders_escaped(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name=SCRIPT)
    for url in ("/", "/accounts/"):
        html = alice.client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "alert(&#x27;gotcha&#x27;)" in html, url
    assert ESCAPED in alice.client.get("/").content.decode()


def test_a_script_as_username_renders_escaped(db: None) -> None:
    # Usernames are limited to letters, digits and . @ + - _; a script never gets in.
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {
            "username": SCRIPT,
            "new_password1": "plum kettle orbit lantern",
            "new_password2": "plum kettle orbit lantern",
        },
    )
    assert response.status_code == 200
    assert SCRIPT.encode() not in response.content


def test_a_stored_script_in_an_entry_renders_escaped_everywhere(alice: Person) -> None:
    from django.utils import timezone

    from nearer.journal.services import entry_create

    entry = entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=timezone.localdate(),
        title=SCRIPT,
        body=f"before {SCRIPT} after",
        tags=["<b>bold</b>"],
    )
    pages = {
        "entry": alice.client.get(f"/journal/{entry.id}/"),
        "edit": alice.client.get(f"/journal/{entry.id}/edit/"),
        "delete": alice.client.get(f"/journal/{entry.id}/delete/"),
        "month": alice.client.get("/journal/", follow=True),
        "tags": alice.client.get("/journal/tags/"),
        "today": alice.client.get("/"),
        "search": alice.client.post("/journal/search/", {"q": "gotcha"}, follow=True),
    }
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert SCRIPT not in html, name
        assert "<b>bold</b>" not in html, name
    assert "alert(&#x27;gotcha&#x27;)" in pages["entry"].content.decode()


def test_a_journal_post_without_a_token_changes_nothing(
    strict_alice: Client, alice: Person
) -> None:
    from nearer.journal.models import Entry

    response = strict_alice.post(
        "/journal/new/", {"title": "forged", "body": "forged", "entry_date": "2024-01-01"}
    )
    assert response.status_code == 403
    assert not Entry.objects.filter(owner=alice.user).exists()
