"""The start-up check that the pepper in use is the one the database was set up with.

A wrong pepper (another data directory's file, a mistyped NEARER_PEPPER) would not fail
loudly: every login would just say "wrong password". The database keeps a fingerprint
of the pepper, and `nearer` compares it at start-up (cli.py).
"""

from __future__ import annotations

import hashlib
import hmac

from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import PepperFingerprint

# Fixed and versioned: the fingerprint is an HMAC keyed with the pepper over this label.
_LABEL = b"nearer pepper fingerprint v1"


class PepperMismatchError(Exception):
    """The database's stored fingerprint was made with another pepper."""


def pepper_fingerprint(pepper: str) -> str:
    """Return the hex HMAC-SHA256 of the fixed label keyed with ``pepper``."""
    return hmac.new(pepper.encode(), _LABEL, hashlib.sha256).hexdigest()


@transaction.atomic
def pepper_fingerprint_check(*, pepper: str) -> bool:
    """Store the pepper's fingerprint if none is stored; return whether it was stored now.

    Raises ``PepperMismatchError`` (and changes nothing) if the stored one was made with
    another pepper. A database that has accounts from before this check gets the
    fingerprint of the pepper in use: it is trusted, as it was before.
    """
    expected = pepper_fingerprint(pepper)
    # Two start-ups at once (two processes on one PostgreSQL): get_or_create inserts in
    # a savepoint and, if the other's row won the primary key, reads that row instead.
    row, created = PepperFingerprint.objects.get_or_create(
        pk=1, defaults={"fingerprint": expected, "stored_at": timezone.now()}
    )
    if not created and not hmac.compare_digest(row.fingerprint, expected):
        raise PepperMismatchError
    return created


def pepper_fingerprint_stored() -> bool:
    """Return whether the database holds a pepper fingerprint (its table must exist)."""
    return PepperFingerprint.objects.exists()
