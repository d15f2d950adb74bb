"""The weekly review: which weeks a person has already reviewed or set aside.

One row per person and week. In the clear: the owner and the Monday the week
starts on (a date, as the architecture allows). Sealed: what happened to it —
saved as a journal entry (and which one) or dismissed — so the database alone
never tells which journal entry is a review.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class WeekReview(models.Model):
    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="week_reviews"
    )
    week_start = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    state = models.BinaryField()

    class Meta:
        constraints = [
            # One record per week: two tabs saving or dismissing at once end in one
            # row (the service locks it), so a second save updates the same entry.
            models.UniqueConstraint(fields=["owner", "week_start"], name="review_one_per_week"),
        ]

    def __str__(self) -> str:
        return f"review of the week of {self.week_start}"
