"""Journey: Insights. A new account is told what is missing; an account with a month
of planted check-ins and moments sees findings with their n's, intervals, charts and
tables (a person's name escaped); reached from the main navigation with the keyboard,
without JavaScript, and clean with axe at phone and desktop width, light and dark."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from playwright.sync_api import Page, expect

from nearer.accounts.services import user_sign_up
from nearer.checkins.services import checkin_create
from nearer.moments.services import moment_create
from nearer.people.content import PersonDetails
from nearer.people.services import person_create
from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    log_in,
    log_out,
    sign_up_fully,
)
from nearer.tests.browser.keyboard import tab_to
from nearer.vault.box import Vault

pytestmark = pytest.mark.browser

START = date(2026, 1, 5)
NAME = "Wilma <b>Quorra</b>"


def _account_with_planted_days(username: str) -> None:
    """56 days with a check-in each; a moment with Wilma on the first week of every
    fortnight, and those days very pleasant, the others unpleasant."""
    new = user_sign_up(username=username, password=PASSWORD)
    user, vault = new.user, Vault(user_id=new.user.pk, dek=new.dek)
    wilma = person_create(user=user, vault=vault, details=PersonDetails(name=NAME, circle="inner"))
    for number in range(56):
        day = START + timedelta(days=number)
        together = number % 14 < 7
        if together:
            moment_create(
                user=user, vault=vault, occurred_on=day, person_ids=[wilma.id], how="in_person"
            )
        checkin_create(
            user=user,
            vault=vault,
            pleasantness=2 if together else -1,
            energy=0,
            emotion="joyful" if together else "sad",
            when=datetime.combine(day, time(12), tzinfo=UTC),
        )


def test_insights_say_what_is_missing_then_show_findings(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "ines")
    page.get_by_role("link", name="Insights", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    expect(page.get_by_text("Not enough data yet: there are no check-ins.")).to_be_visible()
    expect(
        page.get_by_text("it needs 14 more days among days with a moment together").first
    ).to_be_visible()
    problems += audit(page, "insights, nothing yet")
    log_out(page)

    _account_with_planted_days("otto")
    log_in(page, site, "otto")
    page.goto(site.url("/insights/"))
    finding = page.get_by_role("article", name="Pleasantness: days with a moment together")
    expect(finding).to_contain_text("3.00 points more pleasant")
    expect(finding).to_contain_text("28 days vs 28 days")
    expect(finding).to_contain_text("The 95% interval runs from")
    expect(finding.get_by_role("img")).to_be_visible()
    expect(finding.get_by_role("table")).to_contain_text("28 vs 28 days")
    # The person's name is text, never markup.
    expect(page.get_by_text(f"days with a moment with {NAME}").first).to_be_visible()
    assert page.locator("article b").count() == 0
    problems += audit(page, "insights, findings")
    assert_clean(problems)


def test_insights_are_reached_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "tove")
    tab_to(page, "Insights", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    tab_to(page, "Balance and care", limit=200)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Balance and care")


def test_insights_work_without_javascript(no_js_page: Page, site: Site) -> None:
    _account_with_planted_days("pia")
    log_in(no_js_page, site, "pia")
    no_js_page.goto(site.url("/insights/"))
    expect(no_js_page.get_by_text("3.00 points more pleasant").first).to_be_visible()
