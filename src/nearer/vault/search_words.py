"""Search words kept sealed for a short while, so a search's results have their own page.

A search form is a POST (the words never go into a URL, the browser's history or an
access log). To let Back and reload work without "resubmit the form?", the POST keeps
the words here and redirects (303) to a results page named by a random id: the page
opens the words again with the person's vault and searches.

The words are sealed with the person's vault (bound to the place and to the id) and
kept in their session, never in the clear: a session row holds only sealed bytes, and
an id from another session, another person or after an hour finds nothing, which the
page says calmly. At most ``KEPT`` searches are kept; older ones are forgotten.
"""

from __future__ import annotations

import base64
import secrets
import time
from typing import Any

from django.http import HttpRequest, HttpResponseRedirect

from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# Session key: {id: [place, expires (unix seconds), sealed words as base64]}.
SESSION_KEY = "search.words"
LABEL = "search.words"
LIFETIME_SECONDS = 60 * 60
KEPT = 20


class SeeOther(HttpResponseRedirect):
    """303 See Other: the browser fetches the results with GET and keeps no form to send
    again on Back or reload (a 302 after a POST means the same to browsers, said plainly)."""

    status_code = 303


def _kept(request: HttpRequest, now: float) -> dict[str, list[Any]]:
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return {}
    return {
        key: value
        for key, value in stored.items()
        if isinstance(value, list)
        and len(value) == 3
        and isinstance(value[1], int | float)
        and value[1] > now
    }


def search_keep(request: HttpRequest, vault: Vault, *, place: str, words: dict[str, str]) -> str:
    """Keep ``words`` sealed for an hour under a new random id (32 hex digits); return it.

    ``place``: which search this is ("journal", "people"); an id opens only there.
    """
    now = time.time()
    search_id = secrets.token_hex(16)
    sealed = vault.seal_json(LABEL, f"{place}|{search_id}", words)
    kept = _kept(request, now)
    kept[search_id] = [place, int(now + LIFETIME_SECONDS), base64.b64encode(sealed).decode()]
    # Newest last (dicts keep their order): drop the oldest beyond KEPT.
    request.session[SESSION_KEY] = dict(list(kept.items())[-KEPT:])
    return search_id


def search_words(
    request: HttpRequest, vault: Vault, *, place: str, search_id: str
) -> dict[str, str] | None:
    """Return the words kept under ``search_id`` for ``place``, or None (unknown, expired,
    of another place, or they won't open)."""
    value = _kept(request, time.time()).get(search_id)
    if value is None or value[0] != place or not isinstance(value[2], str):
        return None
    try:
        opened = vault.open_json(
            LABEL, f"{place}|{search_id}", base64.b64decode(value[2], validate=True)
        )
    except (SealError, ValueError):
        return None
    if not isinstance(opened, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in opened.items()
    ):
        return None
    return opened
