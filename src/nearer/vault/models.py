"""The keyring: one row per user holding their data key, wrapped twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Keyring(models.Model):
    """A user's data key, wrapped by their password key and by their recovery code.

    Nothing here opens without the password (plus the server's pepper) or the
    recovery code; the KDF parameters sit beside the wrap so they can be raised.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
        related_name="keyring",
    )
    kdf_salt = models.BinaryField(max_length=16)
    kdf_memory_kib = models.PositiveIntegerField()
    kdf_time_cost = models.PositiveIntegerField()
    kdf_parallelism = models.PositiveIntegerField()
    dek_by_password = models.BinaryField()
    recovery_salt = models.BinaryField(max_length=16)
    dek_by_recovery = models.BinaryField()
    recovery_check = models.CharField(max_length=64)
    # Sealed JSON under the data key: display name, time zone, recent prompts.
    preferences = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"keyring of user {self.user_id}"
