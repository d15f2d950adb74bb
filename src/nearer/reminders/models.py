"""A person's reminder choices and the clear dates the server decides them from.

Reminders are sent while the person is away, when their vault cannot be opened, so
what the sender needs is kept in the clear here, and only for people who turned at
least one kind on: the kinds, the time of day and quiet hours, a copy of the time
zone (sealed in the preferences), and three facts as dates only: the day the first
person's wished rhythm comes round, the day and month of the next birthday, the day
the next well-being scale is due. No name, count, kind of date or score is kept.
docs/security.md says what an operator learns from each column.
"""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models

# The kinds of reminder, in the order the page lists them.
KINDS: tuple[str, ...] = ("checkin", "people", "scale", "birthday")


class Reminder(models.Model):
    """One person's reminders (one row at most; made when they first save the page)."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder",
    )
    checkin = models.BooleanField(default=False)
    people = models.BooleanField(default=False)
    scale = models.BooleanField(default=False)
    birthday = models.BooleanField(default=False)
    # The person's own time of day (in ``time_zone``) from which a reminder may go.
    send_at = models.TimeField(default=time(9, 0))
    # No reminder from ``quiet_from`` until ``quiet_until`` (may cross midnight).
    quiet_from = models.TimeField(null=True, blank=True)
    quiet_until = models.TimeField(null=True, blank=True)
    # A clear copy of the sealed preference, kept only while a kind is on ("" = off).
    time_zone = models.CharField(max_length=64, blank=True, default="")
    # The clear dates (None when unknown, not needed, or nothing is coming).
    nudge_due_on = models.DateField(null=True, blank=True)
    birthday_month = models.PositiveSmallIntegerField(null=True, blank=True)
    birthday_day = models.PositiveSmallIntegerField(null=True, blank=True)
    scale_due_on = models.DateField(null=True, blank=True)
    # Sending: the person's local day of the last reminder (at most one a day), and of
    # the last one of each kind (so a kind is not said again every day).
    last_sent_on = models.DateField(null=True, blank=True)
    checkin_sent_on = models.DateField(null=True, blank=True)
    people_sent_on = models.DateField(null=True, blank=True)
    scale_sent_on = models.DateField(null=True, blank=True)
    birthday_sent_on = models.DateField(null=True, blank=True)
    last_failed_at = models.DateTimeField(null=True, blank=True)
    # Part of every unsubscribe link; moved on when a kind is turned on again, so the
    # links in older emails stop working (mail is not private: a link may be seen).
    link_generation = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            # Quiet hours are both set or both empty, so "quiet" never means half a range.
            models.CheckConstraint(
                condition=models.Q(quiet_from__isnull=True, quiet_until__isnull=True)
                | models.Q(quiet_from__isnull=False, quiet_until__isnull=False),
                name="reminders_quiet_both_or_neither",
            ),
            # A birthday is a day and a month together, and a calendar one.
            models.CheckConstraint(
                condition=models.Q(birthday_month__isnull=True, birthday_day__isnull=True)
                | models.Q(
                    birthday_month__gte=1,
                    birthday_month__lte=12,
                    birthday_day__gte=1,
                    birthday_day__lte=31,
                ),
                name="reminders_birthday_is_a_calendar_day",
            ),
        )

    def __str__(self) -> str:
        return f"reminders of user {self.owner_id}"

    def kinds_on(self) -> list[str]:
        """The kinds turned on, in ``KINDS`` order."""
        return [kind for kind in KINDS if getattr(self, kind)]
