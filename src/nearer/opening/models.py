"""Opening up: a share prepared in private, shared, and reflected on.

In the clear: the owner, where the share stands (preparing, shared, reflected,
let go), when it was made and shared, and the links to the moment and the
journal entry it led to. Everything the person writes or rates — what they want
to say, with whom, what they fear and hope, how anxious they felt before and
after, how it was received, whether the other opened up too — is one sealed
JSON object (``opening.content.ShareContent``). Even who a share is with is
sealed: a pending share says something about a person that a moment does not.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Share(models.Model):
    class State(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        SHARED = "shared", "Shared"
        REFLECTED = "reflected", "Reflected on"
        LET_GO = "let_go", "Let go"

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PREPARING)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    shared_on = models.DateField(null=True, blank=True)
    # The moment made when it was shared, and the journal entry written about it.
    moment = models.ForeignKey(
        "moments.Moment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entry = models.ForeignKey(
        "journal.Entry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.BinaryField()

    class Meta:
        ordering = ("-created_at",)
        # Every list is "this person's shares in this state".
        indexes = (
            models.Index(fields=("owner", "state", "created_at"), name="opening_owner_state"),
        )

    def __str__(self) -> str:
        # Never the content: this string may end up in logs or the admin.
        return f"share {self.id} ({self.state})"
