"""People who matter to a person: in the clear only ids, links and dates.

Everything a person writes or rates about someone (name, what they call them,
relationship, circle, notes, the wished rhythm, date labels, closeness ratings)
is sealed with the owner's vault under ``people.<model>.<field>`` and the row's
id. What stays readable is what lets pages be listed without opening anything:
owners, links between rows, and dates (when they were archived, the latest
moment together, a snooze, the day and month of an important date).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Person(models.Model):
    """Someone in a person's life.

    ``content`` is one sealed JSON object (see ``people.content.PersonDetails``).
    Summaries derived from people (the index of everyone, a person's ratings) are
    kept as ``vault.DerivedValue`` rows (see ``people.index``, ``people.ratings``).
    ``last_moment_on`` is kept by the moments services: it is the clock nudges and
    the drifting view count from, so they need no sealed value to sort.
    """

    # Generated in Python so the id is known before sealing (it is part of the AAD).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="people"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    last_moment_on = models.DateField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    content = models.BinaryField()

    class Meta:
        verbose_name_plural = "people"
        ordering = ("created_at",)
        indexes = (models.Index(fields=("owner", "archived_at"), name="people_owner_archived"),)

    def __str__(self) -> str:
        # Never the name: this string may end up in logs or the admin.
        return f"person {self.id}"


class ImportantDate(models.Model):
    """A birthday, anniversary or custom day of a person; the year may be unknown.

    Day and month are in the clear so "the next 14 days" is one indexed query; the
    kind and its label are sealed in ``content``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="important_dates"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="important_dates")
    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("month", "day")
        indexes = (models.Index(fields=("owner", "month", "day"), name="people_date_owner_md"),)
        constraints = (
            # A calendar day always, so upcoming dates never meet a month 13 or day 0.
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12, day__gte=1, day__lte=31),
                name="people_date_is_a_calendar_day",
            ),
        )

    def __str__(self) -> str:
        return f"important date {self.id}"


class ClosenessRating(models.Model):
    """One Inclusion-of-Other-in-the-Self rating (1–7) of a person on a day; value sealed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="closeness_ratings"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="closeness_ratings")
    rated_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()

    class Meta:
        ordering = ("rated_on", "created_at")
        indexes = (
            models.Index(fields=("owner", "person", "rated_on"), name="people_rating_person_day"),
        )

    def __str__(self) -> str:
        return f"closeness rating {self.id} of {self.rated_on:%Y-%m-%d}"


class PendingImport(models.Model):
    """A contacts file read and previewed but not yet saved; its contents sealed.

    Kept between the preview and the person's decision so nothing is written to
    People until they confirm; old ones are removed when a new import starts.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()

    def __str__(self) -> str:
        return f"pending import {self.id}"
