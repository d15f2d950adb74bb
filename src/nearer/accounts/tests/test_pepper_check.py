"""The pepper's fingerprint: stored once, compared at every start (cli.py)."""

from __future__ import annotations

import pytest

from nearer.accounts.models import PepperFingerprint
from nearer.accounts.pepper_check import (
    PepperMismatchError,
    pepper_fingerprint,
    pepper_fingerprint_check,
)

_PEPPER = "the-pepper-this-database-was-set-up-with-0123456789"
_OTHER = "another-pepper-from-another-data-directory-0123456789"

pytestmark = pytest.mark.django_db


def test_a_first_check_stores_the_fingerprint_once() -> None:
    assert pepper_fingerprint_check(pepper=_PEPPER) is True
    assert pepper_fingerprint_check(pepper=_PEPPER) is False
    assert list(PepperFingerprint.objects.values_list("fingerprint", flat=True)) == [
        pepper_fingerprint(_PEPPER)
    ]


def test_another_pepper_is_refused_and_changes_nothing() -> None:
    pepper_fingerprint_check(pepper=_PEPPER)
    before = list(PepperFingerprint.objects.values_list("pk", "fingerprint", "stored_at"))
    with pytest.raises(PepperMismatchError):
        pepper_fingerprint_check(pepper=_OTHER)
    after = list(PepperFingerprint.objects.values_list("pk", "fingerprint", "stored_at"))
    assert after == before


def test_the_fingerprint_reveals_nothing_of_the_pepper() -> None:
    fingerprint = pepper_fingerprint(_PEPPER)
    assert len(fingerprint) == 64
    assert _PEPPER not in fingerprint and "pepper" not in fingerprint
    assert fingerprint != pepper_fingerprint(_OTHER)
    pepper_fingerprint_check(pepper=_PEPPER)
    row = PepperFingerprint.objects.get()
    assert fingerprint not in str(row) and fingerprint not in repr(row)


def test_a_second_row_is_refused_by_the_database() -> None:
    from django.db import IntegrityError
    from django.utils import timezone

    pepper_fingerprint_check(pepper=_PEPPER)
    with pytest.raises(IntegrityError):
        PepperFingerprint.objects.create(
            pk=2, fingerprint=pepper_fingerprint(_OTHER), stored_at=timezone.now()
        )
