"""HTTP: a HEAD response leaves Nearer without a body, with the headers GET would send.

Django's test client drops HEAD bodies itself, so this calls the WSGI application as
gunicorn does (gunicorn drops a body too, but writes a warning for each one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory

from nearer.conftest import Person


def _call(environ: dict[str, Any]) -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: Any = None, /
    ) -> Callable[[bytes], object]:
        seen["status"], seen["headers"] = status, dict(headers)
        return lambda data: None

    # As Django's test client does: the test database must outlive the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, start_response)
        body = b"".join(response)
        response.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body


def test_head_sends_no_body_but_the_length_get_would(db: None) -> None:
    status, headers, body = _call(RequestFactory().head("/accounts/login/").environ)
    assert status.startswith("200")
    assert body == b""
    got_status, got_headers, got_body = _call(RequestFactory().get("/accounts/login/").environ)
    assert got_status.startswith("200") and len(got_body) > 1000
    assert headers["Content-Length"] == str(len(got_body))
    assert headers["Permissions-Policy"] == got_headers["Permissions-Policy"]


def test_head_of_a_logged_in_page_sends_no_body(alice: Person) -> None:
    factory = RequestFactory()
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in alice.client.cookies.items())
    status, _, body = _call(factory.head("/", HTTP_COOKIE=cookies).environ)
    assert status.startswith("200")
    assert body == b""
    got_status, _, got_body = _call(factory.get("/", HTTP_COOKIE=cookies).environ)
    assert got_status.startswith("200") and b"<main" in got_body
