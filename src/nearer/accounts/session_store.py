"""The session engine (``SESSION_ENGINE``): Django's database sessions, plus the account.

Each saved session records the id of the account it is logged in as in an indexed
column (``AccountSession.user``), so one person's sessions are found without reading
anyone else's.

The row is read with its account joined (one query instead of two on every logged-in
request); ``account_loaded_with`` hands that account to the login backend, which
Django's ``get_user`` still checks (the session's auth hash, ``is_active``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from nearer.accounts.models import AccountSession, User

__all__ = ["SessionStore", "account_loaded_with", "reading_user_of"]

# The session whose user Django's get_user is looking up, for the backend's get_user.
_READING: ContextVar[SessionBase | None] = ContextVar("nearer_session_reading", default=None)


def _account_id(data: dict[str, Any]) -> int | None:
    value = data.get(SESSION_KEY)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class SessionStore(DatabaseSessionStore):
    """Database sessions kept in ``AccountSession``, tagged with their account."""

    # The account joined to the row this store loaded (None: not loaded, anonymous,
    # or an account that no longer exists).
    _account: User | None = None

    @classmethod
    def get_model_class(cls) -> type[AccountSession]:
        return AccountSession

    def _get_session_from_db(self) -> AccountSession | None:
        # Django's, with the account read in the same query.
        self._account = None
        try:
            row = AccountSession.objects.select_related("user").get(
                session_key=self.session_key, expire_date__gt=timezone.now()
            )
        except (AccountSession.DoesNotExist, SuspiciousOperation) as error:
            if isinstance(error, SuspiciousOperation):
                name = f"django.security.{error.__class__.__name__}"
                logging.getLogger(name).warning(str(error))
            self._session_key = None
            return None
        self._account = row.user
        return row

    def create_model_instance(self, data: dict[str, Any]) -> AccountSession:
        instance = cast(AccountSession, super().create_model_instance(data))
        # Every save writes the row again, so the column follows login, logout and
        # cycle_key (login keeps the data under a new key).
        instance.user_id = _account_id(data)
        return instance

    async def acreate_model_instance(self, data: dict[str, Any]) -> AccountSession:
        instance = cast(AccountSession, await super().acreate_model_instance(data))
        instance.user_id = _account_id(data)
        return instance


@contextmanager
def reading_user_of(session: SessionBase) -> Iterator[None]:
    """While Django's ``get_user`` runs, let the backend see ``session``'s joined account."""
    token = _READING.set(session)
    try:
        yield
    finally:
        _READING.reset(token)


def account_loaded_with(user_id: object) -> User | None:
    """Return the account read with the session being looked up, if it is ``user_id``.

    None outside ``reading_user_of``, or when the session's data now names another
    account than its row did when it was read (a login during the request): the
    caller then reads the account itself.
    """
    session = _READING.get()
    account = getattr(session, "_account", None)
    if account is None or account.pk != user_id:
        return None
    return cast(User, account)
