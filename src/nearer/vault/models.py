"""The keyring (one row per user holding their data key, wrapped twice) and the
sealed values derived from a person's rows (``vault.derived``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Keyring(models.Model):
    """A user's data key, wrapped by their password key and by their recovery code.

    Nothing here opens without the password (plus the server's pepper) or the
    recovery code; the KDF parameters sit beside the wrap so they can be raised.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
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


# The subject of a value derived from all of an owner's rows rather than from one row.
WHOLE_ACCOUNT = uuid.UUID(int=0)


class DerivedValue(models.Model):
    """A value worked out from a person's own rows, sealed with their vault.

    Derived data only (``vault.derived``): the source rows stay the truth, and any
    of these rows may be deleted at any time. ``kind`` names what it is
    (``people.index``), ``subject`` the row it summarises (a person's id) or
    ``WHOLE_ACCOUNT``; ``version`` is the shape the content was written in (0: a
    row claimed by a rebuild that has not committed yet). Kind, subject and version
    are part of what the content is sealed to, so a value copied to another kind,
    subject, version or account does not open.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="derived_values"
    )
    kind = models.CharField(max_length=40)
    subject = models.UUIDField(default=WHOLE_ACCOUNT)
    version = models.PositiveIntegerField(default=0)
    content = models.BinaryField(default=b"")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            # One value per kind and subject: two requests building the same value at
            # once meet here (the second waits, then takes the first one's row).
            models.UniqueConstraint(
                fields=("owner", "kind", "subject"), name="vault_derived_one_per_subject"
            ),
        )

    def __str__(self) -> str:
        return f"derived {self.kind} of user {self.owner_id}"
