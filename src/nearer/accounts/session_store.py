"""The session engine (``SESSION_ENGINE``): Django's database sessions, plus the account.

Each saved session records the id of the account it is logged in as in an indexed
column (``AccountSession.user``), so one person's sessions are found without reading
anyone else's.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from nearer.accounts.models import AccountSession

__all__ = ["SessionStore"]


def _account_id(data: dict[str, Any]) -> int | None:
    value = data.get(SESSION_KEY)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class SessionStore(DatabaseSessionStore):
    """Database sessions kept in ``AccountSession``, tagged with their account."""

    @classmethod
    def get_model_class(cls) -> type[AccountSession]:
        return AccountSession

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
