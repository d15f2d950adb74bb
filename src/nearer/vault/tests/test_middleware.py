"""VaultMiddleware: unlocks each request, or ends a session whose key won't open."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import Client

from nearer.accounts.models import AccountSession as Session
from nearer.conftest import Person
from nearer.vault import session as vault_session

KEY = settings.VAULT_COOKIE_NAME


def _query(location: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(location).query)


def test_it_serves_a_logged_in_person_with_both_halves(alice: Person) -> None:
    response = alice.client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.vault is not None  # type: ignore[attr-defined]
    assert response.wsgi_request.vault.user_id == alice.user.pk  # type: ignore[attr-defined]


def test_it_gives_anonymous_requests_no_vault(db: None) -> None:
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert response.wsgi_request.vault is None  # type: ignore[attr-defined]


def test_it_logs_out_after_the_absolute_timeout(alice: Person) -> None:
    session = alice.client.session
    session[vault_session.SESSION_SINCE] = int(time.time()) - settings.SESSION_MAX_HOURS * 3600 - 1
    session.save()
    response = alice.client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert _query(response["Location"]) == {"next": ["/accounts/"], "ended": ["1"]}
    assert not Session.objects.filter(session_key=session.session_key).exists()
    assert alice.client.get("/").status_code == 302


def test_it_bounces_a_get_without_the_key_cookie_once(alice: Person) -> None:
    del alice.client.cookies[KEY]
    response = alice.client.get("/accounts/?tab=1")
    assert response.status_code == 200
    assert b"Opening Nearer" in response.content
    assert b"/accounts/?tab=1&amp;unlock=1" in response.content
    # Still logged in: a cross-site navigation may simply have left the cookie behind.
    assert "_auth_user_id" in alice.client.session


def test_it_logs_out_when_the_bounce_still_has_no_key_cookie(alice: Person) -> None:
    del alice.client.cookies[KEY]
    response = alice.client.get("/accounts/?unlock=1")
    assert response.status_code == 302
    query = _query(response["Location"])
    assert query["ended"] == ["1"]
    assert query["next"] == ["/accounts/?unlock=1"]
    assert "_auth_user_id" not in alice.client.session


def test_it_logs_out_a_post_without_the_key_cookie_at_once(alice: Person) -> None:
    del alice.client.cookies[KEY]
    response = alice.client.post("/accounts/", {"display_name": "x", "time_zone": "UTC"})
    assert response.status_code == 302
    assert _query(response["Location"]) == {"next": ["/accounts/"], "ended": ["1"]}
    assert "_auth_user_id" not in alice.client.session


def test_it_logs_out_with_a_tampered_key_cookie(alice: Person) -> None:
    value = alice.client.cookies[KEY].value
    alice.client.cookies[KEY] = ("B" if value[0] != "B" else "C") + value[1:]
    response = alice.client.get("/")
    assert response.status_code == 302
    assert "ended=1" in response["Location"]
    assert "_auth_user_id" not in alice.client.session
    assert response.cookies[KEY].value == ""


def test_it_logs_out_with_another_persons_key_cookie(alice: Person, bob: Person) -> None:
    alice.client.cookies[KEY] = bob.client.cookies[KEY].value
    response = alice.client.get("/")
    assert response.status_code == 302
    assert "_auth_user_id" not in alice.client.session


def test_it_drops_a_stale_key_cookie_and_says_the_session_ended(alice: Person) -> None:
    Session.objects.all().delete()
    response = alice.client.get("/journal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "ended=1" in response["Location"]
    assert response.cookies[KEY].value == ""


def test_it_slides_the_idle_timeout_forward(alice: Person) -> None:
    session = alice.client.session
    session[vault_session.SESSION_SEEN] = int(time.time()) - 120
    session.save()
    alice.client.get("/")
    assert alice.client.session[vault_session.SESSION_SEEN] >= int(time.time()) - 2


def test_it_ends_a_session_left_idle_past_the_idle_timeout(alice: Person) -> None:
    from datetime import timedelta

    from django.utils import timezone

    Session.objects.filter(session_key=alice.client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = alice.client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "ended=1" in response["Location"]


def test_it_sets_the_idle_timeout_from_settings() -> None:
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_its_reload_never_leaves_the_site(alice: Person) -> None:
    del alice.client.cookies[KEY]
    for path in ("//evil.example/", "/\\evil.example/", "/\\/evil.example/"):
        response = alice.client.get("/", PATH_INFO=path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert 'url=/?unlock=1"' in html or "url=/%5C" in html, path
        assert "url=//" not in html and "url=/\\" not in html, path
