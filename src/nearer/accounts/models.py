"""The account itself. Its content lives in other apps, sealed under the vault."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person with a Nearer account.

    The username (and an optional email for future nudges) stays in the clear:
    the server needs them to log in and to write when the person is away.
    """

    class Meta:
        verbose_name = "user"


class RecoveryAttempt(models.Model):
    """A failed recovery-code attempt, counted to throttle guessing.

    ``key`` is an HMAC of username and client address, not the values themselves.
    """

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"recovery attempt at {self.at:%Y-%m-%d %H:%M}"
