"""Reads of shares, always scoped to one person and opened with their vault.

A share that fails to open is left out of the summaries (share_contents) and shown
as "This share could not be opened" on the list, rather than breaking a page.
"""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.opening.content import ShareContent, content_open
from nearer.opening.models import Share
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


def share_contents(*, user: User, vault: Vault) -> list[tuple[Share, ShareContent]]:
    """Return every share of ``user`` with its opened content, newest first.

    Shares whose content won't open with ``vault`` are left out (a summary counts
    what it can read; the list page says which could not be opened).
    """
    result: list[tuple[Share, ShareContent]] = []
    for share in Share.objects.filter(owner=user).order_by("-created_at", "-id"):
        try:
            content = content_open(vault, share.id, share.content)
        except SealError:
            continue
        result.append((share, content))
    return result
