"""Moments together: the day and who was there in the clear, the rest sealed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from nearer.people.models import Person


class Moment(models.Model):
    """Time spent with one or more people.

    ``content`` is one sealed JSON object: how (in person, call, …), how long,
    kinds of intimacy, how close it felt, who opened up, a note, and the time of
    day if given. The day and the links to people stay in the clear so a person's
    latest moment and the nudge clock need nothing opened.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moments"
    )
    occurred_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    content = models.BinaryField()
    people: models.ManyToManyField[Person, MomentPerson] = models.ManyToManyField(
        Person, through="MomentPerson", related_name="moments"
    )

    class Meta:
        ordering = ("-occurred_on", "-created_at")
        indexes = (models.Index(fields=("owner", "occurred_on"), name="moments_owner_day"),)

    def __str__(self) -> str:
        return f"moment {self.id} of {self.occurred_on:%Y-%m-%d}"


class MomentPerson(models.Model):
    """Who was there. ``occurred_on`` repeats the moment's day so a person's page and
    their latest moment are one indexed read."""

    moment = models.ForeignKey(Moment, on_delete=models.CASCADE, related_name="links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="moment_links")
    occurred_on = models.DateField()

    class Meta:
        constraints = (
            # Someone is either at a moment or not: a second link would count them twice.
            models.UniqueConstraint(fields=("moment", "person"), name="moments_person_once"),
        )
        indexes = (models.Index(fields=("person", "occurred_on"), name="moments_person_day"),)

    def __str__(self) -> str:
        return f"moment {self.moment_id} with person {self.person_id}"
