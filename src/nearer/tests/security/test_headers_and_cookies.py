"""Security test 8: headers and cookies on 200, 302, 403, 404 and 500 responses.

CSP with a nonce and no inline script, nosniff, Referrer-Policy, X-Frame-Options,
no-store; HSTS and Secure cookies with NEARER_HTTPS; HttpOnly cookies and a
SameSite=Strict key cookie.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings

from nearer.conftest import Person, Response
from nearer.tests.security.production import production_settings

ERROR_URLCONF = "nearer.tests.security.urls_with_error"


def _csp(response: Response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_safe_headers(response: Response) -> None:
    """Assert every header that must be on every response Nearer sends."""
    csp = _csp(response)
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    assert "script-src" in csp
    for values in csp.values():
        assert "'unsafe-inline'" not in values
        assert "'unsafe-eval'" not in values
        assert "*" not in values
        assert not any(value.startswith(("http:", "https:")) for value in values)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin")
    assert response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"]


def assert_nonce_matches_the_page(response: Response) -> None:
    """Every script tag carries the nonce the CSP header announces; no inline script."""
    nonces = [v for v in _csp(response)["script-src"] if v.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the base layout loads nearer.js"
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag
        assert "src=" in tag, "no inline script"
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"
    assert " style=" not in html, "no inline style attributes"


PAGES: dict[str, Callable[[Client, Client], Response]] = {
    "200 anonymous": lambda anon, alice: anon.get("/accounts/login/"),
    "200 logged in": lambda anon, alice: alice.get("/accounts/"),
    "200 journal": lambda anon, alice: alice.get("/journal/new/"),
    "200 search": lambda anon, alice: alice.post("/journal/search/", {"q": "words"}, follow=True),
    "302 anonymous": lambda anon, alice: anon.get("/"),
    "302 logged in": lambda anon, alice: alice.post(
        "/accounts/", {"display_name": "A", "time_zone": "UTC"}
    ),
    "404 anonymous": lambda anon, alice: anon.get("/no-such-page/"),
    "404 logged in": lambda anon, alice: alice.get("/no-such-page/"),
    "405 logged in": lambda anon, alice: alice.get("/accounts/logout/"),
    "500 anonymous": lambda anon, alice: anon.get("/test-only/boom/"),
    "500 logged in": lambda anon, alice: alice.get("/test-only/boom/"),
}


@pytest.fixture
def clients(alice: Person) -> tuple[Client, Client]:
    anon = Client(raise_request_exception=False)
    alice.client.raise_request_exception = False
    return anon, alice.client


@pytest.mark.parametrize("name", PAGES)
@override_settings(ROOT_URLCONF=ERROR_URLCONF)
def test_it_sends_the_safe_headers(clients: tuple[Client, Client], name: str) -> None:
    response = PAGES[name](*clients)
    assert response.status_code == int(name[:3])
    assert_safe_headers(response)


@pytest.mark.parametrize("name", [n for n in PAGES if not n.startswith("302")])
@override_settings(ROOT_URLCONF=ERROR_URLCONF)
def test_it_puts_the_csp_nonce_on_every_script(clients: tuple[Client, Client], name: str) -> None:
    response = PAGES[name](*clients)
    if response.content:
        assert_nonce_matches_the_page(response)


@override_settings(ROOT_URLCONF=ERROR_URLCONF)
def test_it_shows_our_own_calm_500_page_not_a_debug_page(clients: tuple[Client, Client]) -> None:
    response = clients[1].get("/test-only/boom/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"Traceback" not in response.content
    assert b"deliberate failure" not in response.content
    assert not settings.DEBUG


def test_it_sends_a_fresh_nonce_each_time(alice: Person) -> None:
    first = _csp(alice.client.get("/"))["script-src"]
    second = _csp(alice.client.get("/"))["script-src"]
    assert first != second


def test_it_sets_httponly_cookies_and_a_strict_key_cookie(alice: Person) -> None:
    client = Client()
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"username": "alice", "password": alice.password})
    cookies = response.cookies
    session = cookies[settings.SESSION_COOKIE_NAME]
    key = cookies[settings.VAULT_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] in ("Lax", "Strict")
    assert key["httponly"] is True
    assert key["samesite"] == "Strict"
    # The key half lives only as long as the browser session, never on disk for days.
    assert key["max-age"] == ""
    assert key["expires"] == ""
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Strict"


def test_it_has_no_secure_flags_without_https_so_http_on_a_lan_works(db: None) -> None:
    response = Client().get("/accounts/login/")
    assert "Strict-Transport-Security" not in response


@pytest.fixture(scope="module")
def https_settings() -> dict[str, Any]:
    """The security settings a production process computes with NEARER_HTTPS=1."""
    return production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "HTTPS",
        "SECURE_PROXY_SSL_HEADER",
        NEARER_HTTPS="1",
        NEARER_ALLOWED_HOSTS="example.org",
    )


def test_it_turns_on_hsts_and_secure_cookies_with_https(https_settings: dict[str, Any]) -> None:
    assert https_settings["HTTPS"] is True
    assert https_settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert https_settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert https_settings["SECURE_SSL_REDIRECT"] is True
    assert https_settings["SESSION_COOKIE_SECURE"] is True
    assert https_settings["CSRF_COOKIE_SECURE"] is True


def test_it_sends_hsts_and_secure_cookies_over_https(
    https_settings: dict[str, Any], alice: Person
) -> None:
    values = dict(https_settings)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    with override_settings(**values):
        client = Client()
        plain = client.get("/accounts/login/")
        assert plain.status_code == 301
        assert plain["Location"].startswith("https://")
        page = client.get("/accounts/login/", secure=True)
        assert page.status_code == 200
        hsts = page["Strict-Transport-Security"]
        assert "max-age=31536000" in hsts
        assert "includeSubDomains" in hsts
        assert_safe_headers(page)
        response = client.post(
            "/accounts/login/", {"username": "alice", "password": alice.password}, secure=True
        )
        assert response.status_code == 302
        for name in (
            settings.SESSION_COOKIE_NAME,
            settings.VAULT_COOKIE_NAME,
            settings.CSRF_COOKIE_NAME,
        ):
            assert client.cookies[name]["secure"] is True, name
        assert "Strict-Transport-Security" in response
        logged_in = client.get("/accounts/", secure=True)
        assert logged_in.status_code == 200
        assert "Strict-Transport-Security" in logged_in
