"""Security: text from a request cannot forge a line in a log.

A ``%0a`` in a path arrives in PATH_INFO as a real new line; a user agent may hold a
carriage return. Both logs Nearer writes — gunicorn's access log as `nearer serve`
configures it, and Django's request log — must show such characters escaped, so each
request is exactly one line.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import re_path
from gunicorn.config import Config

from nearer import urls as project_urls
from nearer.cli import _gunicorn_argv

FORGED = "forgedlogline"
HOSTILE_PATH = f'/journal/x\n127.0.0.1 "GET /{FORGED}" 200 0 1ms\r\x1b[2J\x00\u2028end/'


def _gunicorn_logger(stream: io.StringIO) -> Any:
    """Return gunicorn's logger (untyped), configured from `nearer serve`'s command line."""
    cfg = Config()
    parsed = cfg.parser().parse_args(_gunicorn_argv("127.0.0.1", 8000, 1)[1:])
    for name, value in vars(parsed).items():
        if value is not None and name in cfg.settings:
            cfg.set(name.lower(), value)
    glogger = cfg.logger_class(cfg)
    _point_at(glogger.access_log.handlers, stream)
    return glogger


def _configured(handlers: list[logging.Handler]) -> list[logging.StreamHandler[io.TextIOBase]]:
    """Return the plain stream handlers (not the test runner's capturing ones)."""
    return [h for h in handlers if type(h) is logging.StreamHandler]


def _point_at(handlers: list[logging.Handler], stream: io.StringIO) -> None:
    found = _configured(handlers)
    assert found, "no stream handler configured"
    for handler in found:
        handler.setStream(stream)


def _gunicorn_line(environ_path: str, user_agent: str) -> str:
    stream = io.StringIO()
    glogger = _gunicorn_logger(stream)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": environ_path,
        "PATH_INFO": environ_path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": user_agent,
    }
    response = SimpleNamespace(status="404 Not Found", headers=[], sent=10)
    request = SimpleNamespace(headers=[("USER-AGENT", user_agent)])
    glogger.access(response, request, environ, timedelta(milliseconds=3))
    return stream.getvalue()


def test_the_access_log_writes_one_line_for_a_path_with_new_lines() -> None:
    written = _gunicorn_line(HOSTILE_PATH, "agent")
    assert written.count("\n") == 1 and written.endswith("\n")
    line = written[:-1]
    assert FORGED in line  # still visible, escaped, for whoever reads the log
    for raw in ("\r", "\x1b", "\x00", "\u2028"):
        assert raw not in line
    assert "\\n127.0.0.1" in line and "\\x1b" in line


def test_every_atom_is_escaped_even_the_user_agent() -> None:
    stream = io.StringIO()
    glogger = _gunicorn_logger(stream)
    glogger.cfg.set("access_log_format", '%(U)s "%(a)s" %({user-agent}i)s')
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": f"agent\n{FORGED}",
    }
    request = SimpleNamespace(headers=[("USER-AGENT", f"agent\r\n{FORGED}")])
    response = SimpleNamespace(status="200 OK", headers=[], sent=1)
    glogger.access(response, request, environ, timedelta(milliseconds=1))
    written = stream.getvalue()
    assert written.count("\n") == 1
    assert f"agent\\n{FORGED}" in written and f"agent\\r\\n{FORGED}" in written


# --- Django's request log ----------------------------------------------------------


def _boom(request: HttpRequest, rest: str) -> HttpResponse:
    raise RuntimeError("a deliberate failure for the log test")


# Any characters after the prefix, new lines included (<path:> stops at a new line).
urlpatterns = [*project_urls.urlpatterns, re_path(r"^test-only/boom/(?P<rest>[\s\S]*)$", _boom)]
handler500 = project_urls.handler500


@pytest.fixture
def django_request_log() -> Iterator[io.StringIO]:
    """What the configured handlers of django.request write, captured."""
    stream = io.StringIO()
    handlers = _configured(logging.getLogger("django.request").handlers)
    assert handlers, "django.request has no stream handler configured"
    old = [handler.stream for handler in handlers]
    _point_at(list(handlers), stream)
    yield stream
    for handler, before in zip(handlers, old, strict=True):
        handler.setStream(before)


@override_settings(ROOT_URLCONF=__name__)
def test_the_django_request_log_escapes_the_path(db: None, django_request_log: io.StringIO) -> None:
    client = Client(raise_request_exception=False)
    response = client.get(f"/test-only/boom/x%0a127.0.0.1%20GET%20/{FORGED}%20200%0d%1b")
    assert response.status_code == 500
    written = django_request_log.getvalue()
    first_line = written.splitlines()[0]
    assert "Internal Server Error" in first_line
    assert f"x\\n127.0.0.1 GET /{FORGED} 200\\r\\x1b" in first_line
    # The traceback follows, as it should; no line of it starts with the forged text.
    assert not any(line.startswith("127.0.0.1") for line in written.splitlines())


@pytest.fixture
def root_log() -> Iterator[io.StringIO]:
    """What the configured handlers of the root logger write, captured."""
    stream = io.StringIO()
    handlers = _configured(logging.getLogger().handlers)
    old = [handler.stream for handler in handlers]
    _point_at(list(handlers), stream)
    yield stream
    for handler, before in zip(handlers, old, strict=True):
        handler.setStream(before)


def test_a_login_failure_logged_by_the_lockout_cannot_forge_a_line(
    db: None, root_log: io.StringIO
) -> None:
    # django-axes logs the username and path of each new failure at WARNING.
    username = f'nobody\n127.0.0.1 "GET /{FORGED}" 200\r\x1b[2J'
    response = Client().post("/accounts/login/", {"username": username, "password": "x" * 12})
    assert response.status_code == 200
    written = root_log.getvalue()
    assert "AXES: New login failure" in written
    assert "nobody\\n127.0.0.1" in written
    assert not any(line.startswith("127.0.0.1") for line in written.splitlines())
    assert "\x1b" not in written and "\r" not in written


def test_any_logged_argument_is_escaped_but_the_traceback_keeps_its_lines(
    root_log: io.StringIO,
) -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("nearer.anything").exception("Failed for %s", f"x\n{FORGED}\u2028y")
    written = root_log.getvalue()
    assert written.splitlines()[0] == f"Failed for x\\n{FORGED}\\u2028y"
    assert "Traceback (most recent call last):" in written.splitlines()[1]
