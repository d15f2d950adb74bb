"""Rituals for two: the daily question, the weekly check-in, decks together and
shared moments.

Every row belongs to a ``together.Pair`` and goes with it (``on_delete=CASCADE``:
ending the space deletes all of it at once). In the clear: the pair, who wrote a
row, its day or week, and when it was written. Everything either of them wrote
(answers, reactions, replies, the check-in's parts, a shared moment's kind and
note, a deck session's cards) is sealed with the pair key (``together.box.PairBox``),
bound to its field, its row and its pair.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from nearer.together.models import Pair


class DailyAnswer(models.Model):
    """One partner's answer to the day's question, with their reaction to the
    other's answer and a short reply (sealed together in ``content``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="daily_answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("-day", "created_at")
        constraints = (
            # One answer a person a day: a second submit (two tabs at once) must not
            # leave two answers, one of which the other partner would never see.
            models.UniqueConstraint(
                fields=("pair", "author", "day"), name="rituals_answer_once_a_day"
            ),
        )
        indexes = (models.Index(fields=("pair", "day"), name="rituals_answers_pair_day"),)

    def __str__(self) -> str:
        return f"daily answer {self.id} of {self.day:%Y-%m-%d}"


class RitualSettings(models.Model):
    """A pair's choices for their rituals (the check-in's weekday), sealed."""

    pair = models.OneToOneField(
        Pair, on_delete=models.CASCADE, primary_key=True, related_name="ritual_settings"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()

    def __str__(self) -> str:
        return f"ritual settings of pair {self.pair_id}"


class CheckinWeek(models.Model):
    """One week's check-in of a pair (``week_of``: the Monday of that week).

    ``together_at``: when one of them chose to go through it together before both
    had prepared (None otherwise); after that each sees what the other prepared."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="checkin_weeks")
    week_of = models.DateField()
    together_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-week_of",)
        constraints = (
            # One check-in a week: both partners' parts must land in the same one.
            models.UniqueConstraint(fields=("pair", "week_of"), name="rituals_checkin_once_a_week"),
        )

    def __str__(self) -> str:
        return f"check-in {self.id} of the week of {self.week_of:%Y-%m-%d}"


class CheckinPart(models.Model):
    """What one partner prepared for a week's check-in: appreciations, what went
    well, what was hard, one wish for the coming week (sealed in ``content``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="checkin_parts")
    week = models.ForeignKey(CheckinWeek, on_delete=models.CASCADE, related_name="parts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    prepared_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("week", "author"), name="rituals_part_once_a_week"),
        )

    def __str__(self) -> str:
        return f"check-in part {self.id}"


class SharedMoment(models.Model):
    """A moment logged in the space; it goes into both partners' own moments.

    The logger's own moment is made at once. The partner's needs their vault, so it
    is made at their next login or POST in the space; ``partner_brought_in_on`` is
    the day that happened (None: not yet). Nothing in the clear links it to either
    person's own moment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="shared_moments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    occurred_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    partner_brought_in_on = models.DateField(null=True, blank=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("-occurred_on", "-created_at")

    def __str__(self) -> str:
        return f"shared moment {self.id} of {self.occurred_on:%Y-%m-%d}"


class PairDeckSession(models.Model):
    """A conversation-deck session of the two partners: turns alternate between them
    (``started_by`` asks first), cards deepen as in ``decks.sessions``."""

    class State(models.TextChoices):
        ACTIVE = "active", "Going on"
        ENDED = "ended", "Ended"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="deck_sessions")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=6, choices=State.choices, default=State.ACTIVE)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("-started_at",)

    def __str__(self) -> str:
        return f"pair deck session {self.id} ({self.state})"
