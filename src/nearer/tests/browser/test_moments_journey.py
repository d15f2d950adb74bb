"""Journey: someone with a rhythm falls due, shows on Today, a moment is logged from
Today in a few taps and they leave "due"; a nudge is quieted; the drifting view;
a moment edited and deleted. Also the quick log by keyboard alone and without
JavaScript. Every moments page is checked with axe."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully
from nearer.tests.browser.keyboard import focused, tab_to

pytestmark = pytest.mark.browser


def _add_person(page: Page, name: str, *, rhythm: str, too_long: str = "") -> None:
    """Through the People pages: Add someone with a rhythm; end on their page."""
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("link", name="Add someone").first.click()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Connect about every … days (optional)").fill(rhythm)
    if too_long:
        page.get_by_label("Too long after … days (optional)").fill(too_long)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def _log_past_moment(page: Page, days_ago: int, note: str) -> None:
    """From a person's page: "More details", the full form, a day in the past."""
    page.get_by_role("link", name="More details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a moment")
    page.get_by_label("In person").check()
    page.get_by_label("Day", exact=True).fill((date.today() - timedelta(days=days_ago)).isoformat())
    page.get_by_label("How long, in minutes (optional)").fill("90")
    page.get_by_label("Emotional — feelings shared").check()
    page.get_by_label("4 · Very close").check()
    page.get_by_label("We both did").check()
    page.get_by_label("A note (optional)").fill(note)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()


def test_someone_due_leaves_due_after_a_quick_log_from_today(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "nora")
    people_part = page.get_by_role("region", name="People")
    expect(people_part).to_contain_text("Add the people who matter to you")
    problems = audit(page, "Today without people")

    _add_person(page, "Ana Moreno", rhythm="7", too_long="14")
    expect(page.get_by_role("heading", name="Moments together")).to_be_visible()
    problems += audit(page, "a person's page with the quick log")
    page.get_by_role("link", name="More details").click()
    problems += audit(page, "new moment, full form")
    page.go_back()
    _log_past_moment(page, 10, "A long walk by the river.")
    expect(page.get_by_text("A long walk by the river.")).to_be_visible()
    expect(page.get_by_text("With Ana Moreno")).to_be_visible()
    problems += audit(page, "moments list")

    # Ten days since, with a weekly rhythm: due on Today, in words and colour.
    page.get_by_role("link", name="Today", exact=True).click()
    nudge = people_part.get_by_role("listitem").filter(has_text="Ana Moreno")
    expect(nudge).to_contain_text("Due")
    expect(nudge).to_contain_text("Last together 10 days ago")
    problems += audit(page, "Today with a nudge")

    # A few taps: Log a moment, Call, Save.
    nudge.get_by_role("link", name="Log a moment with Ana Moreno").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a moment with Ana Moreno")
    problems += audit(page, "quick log")
    page.get_by_role("button", name="Save moment").click()
    expect(page.get_by_text("Choose how you were together.")).to_be_visible()
    problems += audit(page, "quick log with a mistake")
    page.get_by_label("Call", exact=True).check()
    page.get_by_role("button", name="Save moment").click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("nora")
    expect(people_part.get_by_role("listitem").filter(has_text="Ana Moreno")).to_have_count(0)
    expect(people_part).to_contain_text("No one is due for a moment right now.")

    # Someone else falls due; their nudge is quieted for a week.
    _add_person(page, "Ben Okafor", rhythm="3")
    _log_past_moment(page, 5, "Coffee before work.")
    page.get_by_role("link", name="Today", exact=True).click()
    ben = people_part.get_by_role("listitem").filter(has_text="Ben Okafor")
    expect(ben).to_contain_text("Due")
    ben.get_by_role("button", name="Quiet for a week (Ben Okafor)").click()
    expect(page.get_by_text("Nudge quieted for now.")).to_be_visible()
    expect(people_part.get_by_role("listitem").filter(has_text="Ben Okafor")).to_have_count(0)

    # Everyone, by time apart, per circle.
    people_part.get_by_role("link", name="See everyone").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drifting apart?")
    close = page.get_by_role("region", name="Close")
    expect(close.get_by_role("listitem").filter(has_text="Ana Moreno")).to_contain_text("Today")
    expect(close.get_by_role("listitem").filter(has_text="Ben Okafor")).to_contain_text(
        "5 days ago"
    )
    expect(close.get_by_role("listitem").filter(has_text="Ben Okafor")).to_contain_text(
        "quiet until"
    )
    problems += audit(page, "drifting view")

    # Edit a moment, then delete one with confirmation; Ana's clock goes back.
    page.get_by_role("link", name="All moments").click()
    problems += audit(page, "moments list, three moments")
    row = page.get_by_role("listitem").filter(has_text="A long walk by the river.")
    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit moment")
    expect(page.get_by_label("A note (optional)")).to_have_value("A long walk by the river.")
    problems += audit(page, "edit moment")
    page.get_by_label("A note (optional)").fill("A long walk by the river, and soup after.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("A long walk by the river, and soup after.")).to_be_visible()
    call = page.get_by_role("listitem").filter(has_text="Call").filter(has_text="Ana Moreno")
    call.get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this moment?")
    problems += audit(page, "delete moment")
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The moment is deleted.")).to_be_visible()
    page.get_by_role("link", name="Today", exact=True).click()
    expect(people_part.get_by_role("listitem").filter(has_text="Ana Moreno")).to_contain_text("Due")
    assert_clean(problems)


def test_a_quick_log_by_keyboard_alone(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "omar")
    _add_person(page, "Ana Moreno", rhythm="7")
    # From the person's page, the quick log: Tab into the group, arrows choose, Enter saves.
    tab_to(page, "In person")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert focused(page)["name"] == "Video"
    expect(page.get_by_label("Video", exact=True)).to_be_checked()
    tab_to(page, "Save moment")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Moment saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ana Moreno")
    expect(page.get_by_role("region", name="Moments together")).to_contain_text("Video")


def test_a_quick_log_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "pia")
    _add_person(page, "Ana Moreno", rhythm="7")
    page.get_by_role("link", name="More details").click()
    page.goto(page.url.replace("/moments/new/", "/moments/quick/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a moment with Ana Moreno")
    page.get_by_label("Message", exact=True).check()
    # The folded extras open without JavaScript too.
    page.get_by_text("More about it (optional)").click()
    page.get_by_label("A note (optional)").fill("A long voice message.")
    page.get_by_role("button", name="Save moment").click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()
    page.goto(site.url("/moments/"))
    expect(page.get_by_text("A long voice message.")).to_be_visible()
