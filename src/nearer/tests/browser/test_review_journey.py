"""Journey: opt in to the weekly review → Today offers it on the day → open it →
answer → save → the journal has the entry; then Today stops offering it.

Every review page is audited with axe (light and dark, phone and desktop).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.accounts.models import AccountSession as Session
from nearer.accounts.models import User
from nearer.journal.models import Entry
from nearer.lib.dates import DAY_NAMES
from nearer.tests.browser.helpers import Site, assert_clean, audit, log_in, sign_up_fully

pytestmark = pytest.mark.browser

OFFER = "A look back at your week"
ANSWER = "A slow dinner with my sister, and laughing about nothingqwerty."


def browser_weekday(page: Page) -> str:
    """Today's weekday name on the person's clock (sign-up took the browser's zone)."""
    js_day = int(page.evaluate("new Date().getDay()"))  # 0 = Sunday
    return DAY_NAMES[(js_day + 6) % 7]


def opt_in_for_today(page: Page, site: Site, day_name: str) -> None:
    page.goto(site.url("/accounts/"))
    page.get_by_role("link", name="Weekly review settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly review")
    expect(page.get_by_label("Offer me a weekly review on Today")).not_to_be_checked()
    page.get_by_label("Offer me a weekly review on Today").check()
    page.get_by_label("On which day").select_option(label=day_name)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Today will offer the review on {day_name}s.")).to_be_visible()


def test_the_weekly_review_is_offered_answered_and_saved_in_the_journal(
    page: Page, site: Site
) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "rhea")
    # Off by default: Today says nothing of it.
    expect(page.get_by_role("region", name=OFFER)).to_have_count(0)
    opt_in_for_today(page, site, browser_weekday(page))
    problems += audit(page, "review settings")

    page.get_by_role("link", name="Today", exact=True).click()
    offer = page.get_by_role("region", name=OFFER)
    expect(offer).to_be_visible()
    problems += audit(page, "Today with the review offered")
    offer.get_by_role("link", name="Open your weekly review").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Your week,")
    expect(page.get_by_text("No moments noted this week.")).to_be_visible()
    problems += audit(page, "the review")
    page.get_by_role("link", name="The week before").click()
    expect(page).to_have_url(re.compile(r"/review/\?week=\d{4}-\d{2}-\d{2}$"))
    problems += audit(page, "the review of the week before")
    page.get_by_role("link", name="The week after").click()

    page.get_by_label("Your answer, if you like").fill(ANSWER)
    page.get_by_role("button", name="Save as a journal entry").click()
    expect(page.get_by_text("Saved in your journal.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Weekly review:")
    expect(page.get_by_text(ANSWER)).to_be_visible()
    problems += audit(page, "the saved review in the journal")

    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_role("link", name=re.compile("^Weekly review:"))).to_have_count(1)

    # Saving again for the same week updates that one entry.
    page.goto(site.url("/review/"))
    expect(page.get_by_text("Saving again updates that same entry")).to_be_visible()
    page.get_by_label("Your answer, if you like").fill(ANSWER + " And a walk.")
    page.get_by_role("button", name="Update the journal entry").click()
    expect(page.get_by_text("And a walk.")).to_be_visible()
    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_role("link", name=re.compile("^Weekly review:"))).to_have_count(1)

    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("region", name=OFFER)).to_have_count(0)
    assert_clean(problems)


def test_not_this_week_sets_the_offer_aside(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "sol")
    opt_in_for_today(page, site, browser_weekday(page))
    page.get_by_role("link", name="Today", exact=True).click()
    page.get_by_role("region", name=OFFER).get_by_role("button", name="Not this week").click()
    expect(page.get_by_text("Set aside for this week.")).to_be_visible()
    expect(page.get_by_role("region", name=OFFER)).to_have_count(0)
    page.goto(site.url("/review/"))
    expect(page.get_by_text("You set this week's review aside.")).to_be_visible()


def test_an_answer_survives_a_timed_out_session(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "tove")
    page.goto(site.url("/review/"))
    page.get_by_label("Your answer, if you like").fill(ANSWER)
    # The session times out while the person is still writing.
    Session.objects.all().delete()
    page.get_by_role("button", name="Save as a journal entry").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    log_in(page, None, "tove")
    # Back on the review, the answer comes back and is saved without a second press.
    expect(page.get_by_text("Saved in your journal.")).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    owner = User.objects.get(username="tove")
    assert Entry.objects.filter(owner=owner).count() == 1
