"""Drafts kept in the browser (nearer.js, data-draft-key) and cleared once saved.

A page that saved what a draft held asks the next page it shows to tell the
browser to forget that draft: the keys wait in the session (never any text) and
are handed out once.
"""

from __future__ import annotations

from django.http import HttpRequest

# Session key listing the draft keys (like "journal:new") the next page should clear.
SAVED_DRAFTS = "journal.saved_drafts"


def forget_drafts(request: HttpRequest, *keys: str) -> None:
    """Ask the next page to clear these drafts from the browser (see nearer.js)."""
    pending = request.session.get(SAVED_DRAFTS)
    listed = [key for key in pending if isinstance(key, str)] if isinstance(pending, list) else []
    request.session[SAVED_DRAFTS] = [*listed, *keys][-10:]


def saved_drafts(request: HttpRequest) -> str:
    """Return (once) the space-separated draft keys to clear, for data-draft-saved."""
    keys = request.session.pop(SAVED_DRAFTS, None)
    if not isinstance(keys, list):
        return ""
    return " ".join(key for key in keys if isinstance(key, str))
