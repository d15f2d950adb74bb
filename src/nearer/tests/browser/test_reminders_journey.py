"""Journey: turn reminders on → `nearer send-reminders` → the email arrives by SMTP
with none of the person's names in it → its unsubscribe link turns that kind off.

The account is the demo's (its people have the demo's names, which the test looks
for in the email); the email goes through a real SMTP server the test starts.
Every reminder page is audited with axe (light and dark, phone and desktop).
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nearer import cli
from nearer.accounts.models import User
from nearer.demo import build_demo
from nearer.moments.demo import FIRST_NAMES, LAST_NAMES
from nearer.reminders.models import Reminder
from nearer.reminders.sending import SENTENCES
from nearer.tests.browser.helpers import Site, assert_clean, audit, log_in
from nearer.tests.smtp import Inbox, smtp_server

pytestmark = pytest.mark.browser

__all__ = ["smtp_server"]

PASSWORD = "a demo password for remindersqwerty"
ADDRESS = "demo.reminded@example.org"


@pytest.fixture
def demo(transactional_db: None) -> str:
    made = build_demo(
        password=PASSWORD,
        years=1,
        entries=5,
        people=24,
        moments=120,
        checkins=False,
        scales=False,
        shares=0,
        deck_sessions=0,
        partner=False,
        out=io.StringIO(),
    )
    user = User.objects.get(username=made.username)
    # The address and its proof are the email engineer's flow; set here directly.
    user.email, user.email_verified_at = ADDRESS, timezone.now()
    user.save(update_fields=["email", "email_verified_at"])
    return made.username


def test_a_reminder_arrives_without_names_and_its_link_stops_it(
    page: Page,
    site: Site,
    demo: str,
    smtp_server: Inbox,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.BASE_URL = site.base.rstrip("/")
    problems: list[str] = []
    log_in(page, site, demo, PASSWORD)
    page.goto(site.url("/accounts/"))
    page.get_by_role("link", name="Reminder settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reminders")
    expect(page.get_by_text("never holds a name, a feeling")).to_be_visible()
    problems += audit(page, "reminder settings")
    for kind in ("checkin", "people", "birthday"):
        page.get_by_label(f"“{SENTENCES[kind]}”").check()
    page.get_by_label("From what time of day").select_option("00:00")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Reminders will come to your verified email.")).to_be_visible()
    problems += audit(page, "reminder settings, saved")

    monkeypatch.setattr(cli, "_django_setup", lambda: None)  # this process is set up
    assert cli.main(["send-reminders"]) == 0
    (message,) = smtp_server.messages
    assert smtp_server.envelopes[0][1] == [ADDRESS]
    whole = message.as_string()
    kind = next(key for key, words in SENTENCES.items() if message["Subject"] == words)
    named = [n for n in (*FIRST_NAMES, *LAST_NAMES) if re.search(rf"\b{re.escape(n)}\b", whole)]
    assert named == [], f"names in the email: {named}"
    link = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert link.startswith(f"{settings.BASE_URL}/reminders/unsubscribe/")

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop this reminder?")
    expect(page.get_by_text(SENTENCES[kind])).to_be_visible()
    problems += audit(page, "unsubscribe")
    page.get_by_role("button", name="Stop this reminder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Done: this reminder is off")
    problems += audit(page, "unsubscribed")
    row = Reminder.objects.get(owner__username=demo)
    assert getattr(row, kind) is False
    assert len(row.kinds_on()) == 2

    page.goto(link.replace("/unsubscribe/", "/unsubscribe/0"))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    problems += audit(page, "unsubscribe link that no longer works")
    assert_clean(problems)
