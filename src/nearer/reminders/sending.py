"""Deciding who is due a reminder and sending it: what `nearer send-reminders` runs.

Everything here reads only clear values (the vault cannot be opened while the
person is away): the ``Reminder`` row, the address and whether it is verified, and
whether a check-in exists on the person's day. The email's words are fixed: never
a name, a feeling or a count.

A person is due when, on their own clock (the zone copy on the row), their chosen
time has come, it is not in their quiet hours, nothing was sent on that local day,
no send failed in the last ``RETRY_MINUTES``, and a kind they turned on is due:

- checkin: no check-in yet that day;
- people: the first wished rhythm has come round (``nudge_due_on``), and this kind
  was not sent since that day nor in the last ``REPEAT_DAYS``;
- scale: as people, from ``scale_due_on``;
- birthday: the next birthday is at most ``BIRTHDAY_AHEAD_DAYS`` away, once for it.

One email a day at most, of one kind: a birthday first (it will not wait), else the
kind said longest ago. Two runs at once never both send: each send is claimed first
with one conditional UPDATE (``_claim``); a failed send gives its claim back.
"""

from __future__ import annotations

import contextlib
import smtplib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from nearer.checkins.models import CheckIn
from nearer.people.days import next_occurrence
from nearer.reminders.dates import zone_of
from nearer.reminders.models import KINDS, Reminder
from nearer.reminders.services import in_quiet_hours
from nearer.reminders.tokens import token_make

REPEAT_DAYS = 7
BIRTHDAY_AHEAD_DAYS = 3
RETRY_MINUTES = 30

# The whole of what a reminder says, by kind (the subject is the sentence).
SENTENCES: dict[str, str] = {
    "checkin": "It's a good day to check in",
    "people": "You have a few people you wished to see more often",
    "scale": "A well-being check is due",
    "birthday": "A birthday is coming up",
}
# A birthday first; then the kind said longest ago (ties in this order).
_ORDER = ("birthday", "people", "scale", "checkin")


class NoBaseUrl(Exception):
    """NEARER_BASE_URL is not set: an email's unsubscribe link could not be made."""


def _repeat_due(first_due: date | None, sent: date | None, today: date) -> bool:
    if first_due is None or first_due > today:
        return False
    return sent is None or sent < first_due or (today - sent).days >= REPEAT_DAYS


def _birthday_due(reminder: Reminder, today: date) -> bool:
    if reminder.birthday_month is None or reminder.birthday_day is None:
        return False
    coming = next_occurrence(reminder.birthday_month, reminder.birthday_day, today=today)
    window_opens = coming - timedelta(days=BIRTHDAY_AHEAD_DAYS)
    if today < window_opens:
        return False
    sent = reminder.birthday_sent_on
    return sent is None or sent < window_opens


def _checked_in(owner_id: int, today: date) -> bool:
    return CheckIn.objects.filter(owner_id=owner_id, local_date=today).exists()


def due_kind(reminder: Reminder, now: datetime) -> str | None:
    """Return the kind to send ``reminder``'s person at ``now``, or None (not due)."""
    local = now.astimezone(zone_of(reminder.time_zone))
    today, at = local.date(), local.time()
    if reminder.last_sent_on is not None and reminder.last_sent_on >= today:
        return None
    if at < reminder.send_at or in_quiet_hours(at, reminder.quiet_from, reminder.quiet_until):
        return None
    if reminder.last_failed_at is not None and now - reminder.last_failed_at < timedelta(
        minutes=RETRY_MINUTES
    ):
        return None
    due: list[str] = []
    if reminder.birthday and _birthday_due(reminder, today):
        return "birthday"
    if reminder.people and _repeat_due(reminder.nudge_due_on, reminder.people_sent_on, today):
        due.append("people")
    if reminder.scale and _repeat_due(reminder.scale_due_on, reminder.scale_sent_on, today):
        due.append("scale")
    if (
        reminder.checkin
        and reminder.checkin_sent_on != today
        and not _checked_in(reminder.owner_id, today)
    ):
        due.append("checkin")
    if not due:
        return None
    # The kind said longest ago (never first); ``sorted`` keeps _ORDER for ties.
    return min(due, key=lambda kind: getattr(reminder, f"{kind}_sent_on") or date.min)


def local_today(reminder: Reminder, now: datetime) -> date:
    return now.astimezone(zone_of(reminder.time_zone)).date()


def _claim(reminder: Reminder, kind: str, today: date) -> bool:
    """Take this send for this run; return whether it was ours to take.

    One conditional UPDATE: the row changes only if ``last_sent_on`` is still what
    this run read. Of two runs that read the same row, the database lets one update
    match; the other's matches no row (PostgreSQL re-checks the condition after the
    first commits; SQLite runs one write at a time), so it sends nothing.
    """
    seen = reminder.last_sent_on
    matching = Reminder.objects.filter(pk=reminder.pk)
    matching = (
        matching.filter(last_sent_on__isnull=True)
        if seen is None
        else matching.filter(last_sent_on=seen)
    )
    return matching.update(last_sent_on=today, **{f"{kind}_sent_on": today}) == 1


def _release(reminder: Reminder, kind: str, today: date, now: datetime) -> None:
    """Give a claim back after a failed send, and note when it failed (tried again
    after ``RETRY_MINUTES``)."""
    Reminder.objects.filter(pk=reminder.pk, last_sent_on=today).update(
        last_sent_on=reminder.last_sent_on,
        last_failed_at=now,
        **{f"{kind}_sent_on": getattr(reminder, f"{kind}_sent_on")},
    )


def unsubscribe_url(reminder: Reminder, kind: str) -> str:
    """The absolute link that turns ``kind`` off for this person (no login needed)."""
    if not settings.BASE_URL:
        raise NoBaseUrl
    token = token_make(owner_id=reminder.owner_id, kind=kind, generation=reminder.link_generation)
    return f"{settings.BASE_URL}{reverse('reminders:unsubscribe', args=[token])}"


def reminder_message(reminder: Reminder, kind: str, to: str) -> EmailMessage:
    """The email for one reminder: fixed words, the unsubscribe headers of RFC 8058."""
    base = settings.BASE_URL
    link = unsubscribe_url(reminder, kind)
    body = (
        f"{SENTENCES[kind]}.\n\n"
        f"Open Nearer when it suits you:\n{base}/\n\n"
        "This email says no more than that on purpose: mail is not private, so a "
        "reminder never holds a name, a feeling or anything you wrote.\n\n"
        f"Stop this kind of reminder: {link}\n"
        f"Change your reminders: {base}{reverse('reminders:settings')}\n"
    )
    return EmailMessage(
        subject=SENTENCES[kind],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


@dataclass
class SendSummary:
    """What one run did."""

    sent: int = 0
    failed: int = 0
    taken: int = 0  # claimed by another run at the same time
    not_due: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"Reminders: {self.sent} sent, {self.failed} failed, "
            f"{self.taken} taken by another run, {self.not_due} not due."
        )


def _candidates() -> list[Reminder]:
    kinds_on = Q()
    for kind in KINDS:
        kinds_on |= Q(**{kind: True})
    return list(
        Reminder.objects.filter(kinds_on)
        .filter(owner__is_active=True, owner__email_verified_at__isnull=False)
        .exclude(owner__email="")
        .select_related("owner")
        .order_by("pk")
    )


def reminders_send(*, now: datetime | None = None) -> SendSummary:
    """Send every reminder due at ``now``; return what happened. Never raises for a
    failing mail server: the send is given back, counted and described in ``errors``.
    Raises NoBaseUrl when NEARER_BASE_URL is not set (no link could be made)."""
    if not settings.BASE_URL:
        raise NoBaseUrl
    now = now or timezone.now()
    summary = SendSummary()
    backend: BaseEmailBackend | None = None
    for reminder in _candidates():
        kind = due_kind(reminder, now)
        if kind is None:
            summary.not_due += 1
            continue
        today = local_today(reminder, now)
        if not _claim(reminder, kind, today):
            summary.taken += 1
            continue
        message = reminder_message(reminder, kind, reminder.owner.email)
        try:
            backend = backend or get_connection(fail_silently=False)
            message.connection = backend
            message.send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as exc:
            _release(reminder, kind, today, now)
            summary.failed += 1
            summary.errors.append(f"account {reminder.owner_id}: {_described(exc)}")
            _closed(backend)
            backend = None
        else:
            summary.sent += 1
    _closed(backend)
    return summary


def _described(exc: Exception) -> str:
    """Say what went wrong without the server's whole answer (it may hold the address)."""
    code = getattr(exc, "smtp_code", None)
    return f"{type(exc).__name__} (SMTP {code})" if code else type(exc).__name__


def _closed(backend: BaseEmailBackend | None) -> None:
    """Close a mail connection that may be broken (a fresh one is opened next time)."""
    if backend is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            backend.close()
