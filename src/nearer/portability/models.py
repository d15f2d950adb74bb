"""Your data: imports waiting for the person's decision.

An uploaded file is read once, sorted into what would be added (and what is
already there or could not be read), and that result is sealed into a
``PendingImport``; the raw file is never stored. The preview opens it, the
person confirms (all at once, in one transaction) or cancels.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class PendingImport(models.Model):
    class Source(models.TextChoices):
        NEARER = "nearer", "A Nearer export"
        JRNL = "jrnl", "jrnl"
        DAYLIO = "daylio", "Daylio"

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portability_imports"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()

    def __str__(self) -> str:
        return f"pending {self.source} import {self.id}"
