"""Results of the well-being scales: when in the clear, everything else sealed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class ScaleResult(models.Model):
    """One time a person took one scale.

    Only the moment it was taken stays in the clear, so results can be listed by
    date without opening anything. Which scale it was, the answers and the score
    live in ``content``: one JSON object sealed under ``scales.scaleresult.content``
    and this row's id. Even the scale is sealed, because "took the loneliness
    scale every month" says something about a person.
    """

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scale_results"
    )
    taken_at = models.DateTimeField()
    # The person's local date when they took it (their "today", not the server's).
    taken_on = models.DateField()
    content = models.BinaryField()

    class Meta:
        ordering = ("-taken_at",)
        # Every read is "this person's results, newest first" (trends, the last one).
        indexes = (models.Index(fields=("owner", "taken_at"), name="scales_owner_taken"),)

    def __str__(self) -> str:
        # Never the content: this string may end up in logs or the admin.
        return f"scale result {self.id} of {self.taken_on:%Y-%m-%d}"
