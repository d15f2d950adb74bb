"""Mood check-ins: when in the clear, how it felt sealed in one blob."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class CheckIn(models.Model):
    """One quick check of how a person feels.

    In the clear: the moment it was made (``at``, UTC) and the person's own
    calendar day then (``local_date``), so days and months can be listed without
    opening anything. Everything the person rated or wrote (pleasantness, energy,
    the emotion word, who and what contributed, the note, the local time of day)
    is one JSON object in ``content``, sealed under ``checkins.checkin.content``
    and this row's id.
    """

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    at = models.DateTimeField()
    local_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("-at",)
        # Every read is "this person's check-ins on a day or in a month".
        indexes = (
            models.Index(fields=("owner", "local_date", "at"), name="checkins_owner_day"),
            # The insights' fingerprint asks for the latest change of all of them on
            # every visit: from this index, without reading the rows.
            models.Index(fields=("owner", "updated_at"), name="checkins_owner_changed"),
        )

    def __str__(self) -> str:
        # Never the content: this string may end up in logs or the admin.
        return f"check-in {self.id} of {self.local_date:%Y-%m-%d}"
