"""Sending reminders through a real SMTP server: fixed words, unsubscribe headers,
one a day, and a failing server that gives the claim back."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.reminders.models import Reminder
from nearer.reminders.sending import SENTENCES, NoBaseUrl, reminders_send
from nearer.reminders.tests.conftest import BASE_URL, add_friend, turn_on, verify_email
from nearer.reminders.tokens import token_read
from nearer.tests.smtp import Inbox

FRIEND = "Oriane Vasquez-Thornbury"


def _late_today() -> datetime:
    # 23:00 UTC: the chosen 09:00 has come in Europe/Berlin, whatever the day.
    return datetime.combine(timezone.now().date(), time(23, 0), tzinfo=UTC) - timedelta(hours=1)


def test_a_due_reminder_arrives_with_fixed_words_and_unsubscribe_headers(
    alice: Person, smtp_server: Inbox
) -> None:
    verify_email(alice, "alice.reminded@example.org")
    add_friend(alice, name=FRIEND, met_days_ago=30)
    turn_on(alice, ["people"], zone="Europe/Berlin")
    summary = reminders_send(now=_late_today())
    assert (summary.sent, summary.failed) == (1, 0)
    (message,) = smtp_server.messages
    assert smtp_server.envelopes[0][1] == ["alice.reminded@example.org"]
    assert message["Subject"] == SENTENCES["people"]
    (body,) = smtp_server.bodies()
    assert SENTENCES["people"] in body
    assert FRIEND not in message.as_string()
    assert "Oriane" not in message.as_string()
    link = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert link.startswith(f"{BASE_URL}/reminders/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = link.removeprefix(f"{BASE_URL}/reminders/unsubscribe/").rstrip("/")
    read = token_read(token)
    assert read is not None and (read.owner_id, read.kind) == (alice.user.pk, "people")


def test_a_second_run_the_same_day_sends_nothing(alice: Person, smtp_server: Inbox) -> None:
    verify_email(alice)
    turn_on(alice, ["checkin"], zone="Europe/Berlin")
    assert reminders_send(now=_late_today()).sent == 1
    again = reminders_send(now=_late_today() + timedelta(minutes=5))
    assert (again.sent, again.not_due) == (0, 1)
    assert len(smtp_server.messages) == 1


def test_an_address_not_verified_gets_nothing(alice: Person, smtp_server: Inbox) -> None:
    verify_email(alice)
    alice.user.email_verified_at = None
    alice.user.save(update_fields=["email_verified_at"])
    turn_on(alice, ["checkin"], zone="Europe/Berlin")
    summary = reminders_send(now=_late_today())
    assert summary.sent == 0
    assert smtp_server.messages == []


def test_a_refused_message_gives_its_claim_back_and_the_others_still_go(
    alice: Person, bob: Person, smtp_server: Inbox
) -> None:
    verify_email(alice, "alice.refused@example.org")
    verify_email(bob, "bob.accepted@example.org")
    smtp_server.refuse_to = {"alice.refused@example.org"}
    for person in (alice, bob):
        turn_on(person, ["checkin"], zone="Europe/Berlin")
    now = _late_today()
    summary = reminders_send(now=now)
    assert (summary.sent, summary.failed) == (1, 1)
    assert [envelope[1] for envelope in smtp_server.envelopes] == [["bob.accepted@example.org"]]
    refused = Reminder.objects.get(owner=alice.user)
    assert refused.last_sent_on is None and refused.checkin_sent_on is None
    assert refused.last_failed_at == now
    assert "SMTP 554" in summary.errors[0] and "alice" not in summary.errors[0]


def test_a_mail_server_that_is_not_there_is_a_failure_not_a_crash(
    alice: Person, settings: object
) -> None:
    from nearer.tests.smtp import _free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # type: ignore[attr-defined]
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2  # type: ignore[attr-defined]
    verify_email(alice)
    turn_on(alice, ["checkin"], zone="Europe/Berlin")
    summary = reminders_send(now=_late_today())
    assert (summary.sent, summary.failed) == (0, 1)
    assert "ConnectionRefusedError" in summary.errors[0]
    assert Reminder.objects.get(owner=alice.user).last_sent_on is None


def test_without_a_base_url_nothing_is_sent(
    alice: Person, smtp_server: Inbox, settings: object
) -> None:
    settings.BASE_URL = ""  # type: ignore[attr-defined]
    verify_email(alice)
    turn_on(alice, ["checkin"], zone="Europe/Berlin")
    with pytest.raises(NoBaseUrl):
        reminders_send(now=_late_today())
    assert smtp_server.messages == []
