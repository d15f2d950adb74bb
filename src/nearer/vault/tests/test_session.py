"""The split session key: the data key sealed in the session, its secret in a cookie."""

from __future__ import annotations

import base64
import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.test import RequestFactory, override_settings

from nearer.vault import session as vault_session
from nearer.vault.box import Vault
from nearer.vault.crypto import new_key


def _request(cookie: str | None = None, session: SessionBase | None = None) -> HttpRequest:
    request = RequestFactory().get("/")
    request.session = session if session is not None else SessionStore()
    if cookie is not None:
        request.COOKIES[settings.VAULT_COOKIE_NAME] = cookie
    return request


def _started(dek: bytes, user_id: int = 5) -> tuple[SessionBase, str]:
    """Start a vault on a fresh request; return its session and the cookie value it set."""
    request = _request()
    vault_session.vault_start(request, user_id=user_id, dek=dek)
    cookie: str = getattr(request, vault_session.NEW_COOKIE_ATTR)
    return request.session, cookie


def test_it_returns_the_vault_when_both_halves_are_present() -> None:
    dek = new_key()
    session, cookie = _started(dek)
    vault = vault_session.vault_from_request(_request(cookie, session), user_id=5)
    assert vault is not None
    sealed = vault.seal_text("a.b.c", 1, "hello")
    assert Vault(user_id=5, dek=dek).open_text("a.b.c", 1, sealed) == "hello"


def test_it_keeps_the_key_out_of_the_session_and_the_cookie() -> None:
    dek = new_key()
    session, cookie = _started(dek)
    stored = repr(dict(session.items())).encode()
    assert dek not in base64.b64decode(session[vault_session.SESSION_DEK])
    assert base64.b64encode(dek) not in stored
    assert base64.urlsafe_b64encode(dek).decode() != cookie


def test_it_sets_the_vault_on_the_request_at_start() -> None:
    request = _request()
    vault = vault_session.vault_start(request, user_id=5, dek=new_key())
    assert request.vault is vault  # type: ignore[attr-defined]


def test_it_opens_nothing_without_the_cookie() -> None:
    session, _cookie = _started(new_key())
    assert vault_session.vault_from_request(_request(None, session), user_id=5) is None


def test_it_opens_nothing_without_the_session_half() -> None:
    _session, cookie = _started(new_key())
    assert vault_session.vault_from_request(_request(cookie, SessionStore()), user_id=5) is None


def test_it_opens_nothing_with_another_sessions_cookie() -> None:
    session, _cookie = _started(new_key())
    _other_session, other_cookie = _started(new_key())
    assert vault_session.vault_from_request(_request(other_cookie, session), user_id=5) is None


def test_it_opens_nothing_for_another_user_id() -> None:
    session, cookie = _started(new_key(), user_id=5)
    assert vault_session.vault_from_request(_request(cookie, session), user_id=6) is None


@pytest.mark.parametrize("cookie", ["", "!!!", "é", "AAAA", "x" * 500])
def test_it_opens_nothing_with_a_garbled_cookie(cookie: str) -> None:
    session, _cookie = _started(new_key())
    assert vault_session.vault_from_request(_request(cookie, session), user_id=5) is None


def test_it_opens_nothing_with_a_garbled_session_half() -> None:
    session, cookie = _started(new_key())
    session[vault_session.SESSION_DEK] = "not base64 at all ***"
    assert vault_session.vault_from_request(_request(cookie, session), user_id=5) is None
    session[vault_session.SESSION_DEK] = 12345
    assert vault_session.vault_from_request(_request(cookie, session), user_id=5) is None


def test_it_forgets_the_key_at_the_end() -> None:
    request = _request()
    vault_session.vault_start(request, user_id=5, dek=new_key())
    vault_session.vault_end(request)
    assert vault_session.SESSION_DEK not in request.session
    assert getattr(request, vault_session.DROP_COOKIE_ATTR) is True
    assert request.vault is None  # type: ignore[attr-defined]


def test_it_counts_a_session_without_a_start_time_as_expired() -> None:
    assert vault_session.session_expired(_request()) is True


@override_settings(SESSION_MAX_HOURS=2)
def test_it_expires_after_the_absolute_lifetime() -> None:
    session, _cookie = _started(new_key())
    assert vault_session.session_expired(_request(None, session)) is False
    session[vault_session.SESSION_SINCE] = int(time.time()) - 2 * 3600 - 5
    assert vault_session.session_expired(_request(None, session)) is True


def test_it_touches_the_session_at_most_once_a_minute() -> None:
    session, _cookie = _started(new_key())
    recent = int(time.time()) - 30
    session[vault_session.SESSION_SEEN] = recent
    vault_session.touch(_request(None, session))
    assert session[vault_session.SESSION_SEEN] == recent
    session[vault_session.SESSION_SEEN] = recent - 60
    vault_session.touch(_request(None, session))
    assert session[vault_session.SESSION_SEEN] >= int(time.time()) - 1
