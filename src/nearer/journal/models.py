"""Journal entries: the date in the clear, everything written sealed in one blob."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Entry(models.Model):
    """One reflection of one person.

    Only the date (and the row's own timestamps and owner) stay in the clear so
    months and calendars can be listed without opening anything. Title, body,
    tags, kind and the prompt it answered live in ``content``: one JSON object
    sealed with the owner's vault under ``journal.entry.content`` and this row's
    id, so a blob copied to another row or account fails to open.
    """

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    entry_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ("-entry_date", "-created_at")
        # Every read is "this person's entries in a date range" (month, recent, search).
        indexes = (models.Index(fields=("owner", "entry_date"), name="journal_owner_date"),)

    def __str__(self) -> str:
        # Never the content: this string may end up in logs or the admin.
        return f"entry {self.id} of {self.entry_date:%Y-%m-%d}"
