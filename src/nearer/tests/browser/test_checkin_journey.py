"""Journey: a mood check-in from Today in a few taps; the day and the month show it;
changing and deleting it; with the keyboard alone; and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully
from nearer.tests.browser.keyboard import tab_to

pytestmark = pytest.mark.browser


def _choose(page: Page, cell: str) -> None:
    page.get_by_role("radio", name=cell, exact=True).check()


def _check_in_from_today(page: Page, cell: str, word: str, *, js: bool = True) -> None:
    card = page.get_by_role("region", name="How are you feeling?")
    card.get_by_role("radio", name=cell, exact=True).check()
    card.get_by_role("button", name="Add who or what contributed" if js else "Next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Name the feeling")
    page.get_by_label(word, exact=True).check()


def test_it_checks_in_from_today_and_sees_and_changes_it(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "noor")
    problems = audit(page, "Today with the check-in card")

    _check_in_from_today(page, "pleasant, low energy", "Calm")
    problems += audit(page, "check-in, step two")
    page.get_by_label("What else contributed? (optional)").fill("sleep, tea")
    page.get_by_label("A note (optional)").fill("A slow morning with the window open.")
    page.get_by_role("button", name="Done", exact=True).click()

    # The day page: the check-in, its quadrant in words, its tags and note.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    expect(page.locator(".message-kind-word")).to_be_visible()
    calm = page.get_by_role("heading", name=re.compile("Calm"))
    item = page.get_by_role("listitem").filter(has=calm)
    expect(item).to_contain_text("Low energy, pleasant")
    expect(item).to_contain_text("A slow morning with the window open.")
    expect(item).to_contain_text("tea")
    problems += audit(page, "check-in day")

    # Today now says so.
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("region", name="How are you feeling?")).to_contain_text(
        "You checked in once today, last feeling calm"
    )

    # The month: today's cell names the check-in, a shape shows it.
    page.get_by_role("link", name="Feelings", exact=True).click()
    problems += audit(page, "check-in list")
    page.get_by_role("link", name="Calendar").click()
    calendar = page.get_by_role("table")
    said = re.compile(r"1 check-in: Calm \(low energy, pleasant\)")
    day_link = calendar.get_by_role("link", name=said)
    expect(day_link).to_be_visible()
    expect(day_link.locator(".mood-lp")).to_have_count(1)
    problems += audit(page, "check-in month")

    # Change it: a different feeling altogether.
    day_link.click()
    page.get_by_role("link", name=re.compile("Change the check-in Calm")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change this check-in")
    expect(page.get_by_label("Calm", exact=True)).to_be_checked()
    problems += audit(page, "change a check-in")
    page.get_by_role("button", name="Change how I feel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change how you felt")
    problems += audit(page, "check-in, step one")
    _choose(page, "very pleasant, very high energy")
    # Changing a check-in: no "Done" on step one, so the note and tags are kept.
    expect(page.get_by_role("button", name="Done")).to_have_count(0)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Joyful", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Joyful"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Calm"))).to_have_count(0)
    expect(page.get_by_text("A slow morning with the window open.")).to_be_visible()

    # Delete: asked first; keeping it changes nothing.
    page.get_by_role("link", name=re.compile("Delete the check-in Joyful")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this check-in?")
    problems += audit(page, "delete a check-in")
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_role("heading", name=re.compile("Joyful"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Delete the check-in Joyful")).click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The check-in is deleted.")).to_be_visible()
    expect(page.get_by_text("No check-ins on this day.")).to_be_visible()
    assert_clean(problems)


def test_a_missing_answer_is_explained_and_nothing_is_saved(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ines")
    page.goto(site.url("/checkins/new/"))
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text("Please choose one square of the grid.")
    expect(page.get_by_text("Please choose how you feel: one square of the grid.")).to_be_visible()
    assert_clean(audit(page, "check-in, step one with an error"))
    page.goto(site.url("/checkins/"))
    expect(page.get_by_text("No check-ins yet")).to_be_visible()


def test_it_checks_in_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ravi")
    # Tab into the grid, arrows move in two dimensions (test_checkin_grid_journey.py).
    tab_to(page, "very unpleasant, very high energy")
    for key in ("ArrowRight",) * 3 + ("ArrowDown",) * 3:
        page.keyboard.press(key)
    tab_to(page, "At ease")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Calm", exact=True)).to_be_checked()
    tab_to(page, "Done")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Calm"))).to_be_visible()
    expect(page.get_by_text("Pleasantness: Pleasant. Energy: Low.")).to_be_visible()


def test_it_checks_in_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "ezra")
    _check_in_from_today(page, "very unpleasant, very high energy", "Overwhelmed", js=False)
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Overwhelmed"))).to_be_visible()
    expect(page.get_by_text("High energy, unpleasant")).to_be_visible()
