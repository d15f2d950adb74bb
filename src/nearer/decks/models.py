"""What a person does with the conversation decks, sealed.

The cards are Nearer's own and public (``decks.cards``). A person's use of them
is theirs: ``DeckState`` (one row a person) seals the recent draws, favourites,
hidden cards and the opt-in themes turned on; ``DeckSession`` is one sitting
with one person, whose cards, turns, skips and deepest depth are sealed. In the
clear: who owns it, with whom (as a moment keeps it), when it started and ended,
and the moment it was logged as.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from nearer.people.models import Person


class DeckState(models.Model):
    """A person's draws, favourites, hidden cards and opt-in themes, one sealed blob."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deck_state"
    )
    updated_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()

    def __str__(self) -> str:
        return f"deck state {self.id}"


class DeckSession(models.Model):
    """One conversation-deck sitting with one person."""

    class State(models.TextChoices):
        ACTIVE = "active", "Going on"
        ENDED = "ended", "Ended"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deck_sessions"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="deck_sessions")
    state = models.CharField(max_length=6, choices=State.choices, default=State.ACTIVE)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    moment = models.ForeignKey(
        "moments.Moment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.BinaryField()

    class Meta:
        ordering = ("-started_at",)
        indexes = (models.Index(fields=("owner", "started_at"), name="decks_owner_started"),)

    def __str__(self) -> str:
        return f"deck session {self.id} ({self.state})"
