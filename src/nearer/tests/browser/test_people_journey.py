"""Journey: add a person with a rhythm, find them in the list, rate closeness with the
keyboard and see the chart and its table; archive, restore and delete; add someone
without JavaScript. Every people page is checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully
from nearer.tests.browser.keyboard import tab_to

pytestmark = pytest.mark.browser


def _open_people(page: Page) -> None:
    # The main navigation's People (the section's own row has a People link too).
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")


def _add_person(
    page: Page,
    name: str,
    called: str = "",
    *,
    rhythm: str = "",
    too_long: str = "",
    day: str = "",
    month: str = "",
) -> None:
    """From the people list: Add someone, fill the form, Add; end on their page."""
    page.get_by_role("link", name="Add someone").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add someone")
    page.get_by_label("Name", exact=True).fill(name)
    if called:
        page.get_by_label("What you call them (optional)").fill(called)
    page.get_by_label("Relationship", exact=True).select_option("friend")
    page.get_by_label("Circle").select_option("inner")
    if rhythm:
        page.get_by_label("Connect about every … days (optional)").fill(rhythm)
    if too_long:
        page.get_by_label("Too long after … days (optional)").fill(too_long)
    if day:
        page.get_by_label("Day", exact=True).fill(day)
        page.get_by_label("Month").select_option(month)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(called or name)


def test_it_adds_someone_rates_closeness_by_keyboard_and_charts_it(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "mira")
    _open_people(page)
    problems = audit(page, "people list, empty")
    page.get_by_role("link", name="Add someone").first.click()
    problems += audit(page, "add someone")
    # A mistake first: "too long" before the wished rhythm is explained, nothing saved.
    page.get_by_label("Name", exact=True).fill("Maya Lindqvist")
    page.get_by_label("Connect about every … days (optional)").fill("14")
    page.get_by_label("Too long after … days (optional)").fill("7")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("should be at least your wished rhythm")).to_be_visible()
    problems += audit(page, "add someone, with a mistake")
    page.goto(site.url("/people/"))

    _add_person(page, "Maya Lindqvist", "May", rhythm="7", too_long="14", day="20", month="5")
    expect(page.get_by_text("About every 7 days · too long after 14 days")).to_be_visible()
    expect(page.get_by_text("Birthday")).to_be_visible()
    problems += audit(page, "a person's page")

    _open_people(page)
    inner = page.get_by_role("region", name=re.compile("Inner circle"))
    expect(inner.get_by_role("link", name="May")).to_be_visible()
    problems += audit(page, "people list")
    page.get_by_label("Find someone").fill("lindq")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 person found")).to_be_visible()
    problems += audit(page, "people search")

    page.get_by_role("link", name="May").click()
    page.get_by_role("link", name="How close do you feel to May these days?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How close do you feel to May?")
    problems += audit(page, "closeness picture")
    # The keyboard alone: Tab into the radio group, arrows choose, Enter sends.
    tab_to(page, "1")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_label("4 of 7: the circles overlap halfway")).to_be_checked()
    tab_to(page, "Save")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Latest: 4 of 7: the circles overlap halfway.")).to_be_visible()
    expect(page.get_by_role("img", name="How close you felt to May over time")).to_be_visible()
    expect(page.get_by_text("How close do you feel to May these days?")).to_have_count(0)
    page.get_by_text("The ratings as a table").click()
    expect(page.get_by_role("cell", name="4 of 7: the circles overlap halfway")).to_be_visible()
    problems += audit(page, "a person's page with the chart and table open")

    page.get_by_role("link", name="Edit", exact=True).click()
    problems += audit(page, "edit a person")
    page.get_by_role("link", name="Add a date").click()
    problems += audit(page, "add a date")
    page.get_by_label("Which day").select_option("custom")
    page.get_by_label("Name of the day").fill("Name day")
    page.get_by_label("Day", exact=True).fill("31")
    page.get_by_label("Month").select_option("4")
    page.get_by_role("button", name="Add the date").click()
    expect(page.get_by_text("That month has 30 days")).to_be_visible()
    page.get_by_label("Day", exact=True).fill("30")
    page.get_by_role("button", name="Add the date").click()
    expect(page.get_by_text("Date added.")).to_be_visible()
    expect(page.get_by_role("button", name="Remove Name day")).to_be_visible()
    page.get_by_role("link", name="Change Name day").click()
    problems += audit(page, "change a date")
    expect(page.get_by_label("Name of the day")).to_have_value("Name day")
    page.get_by_label("Name of the day").fill("Saint's day")
    page.get_by_role("button", name="Save the date").click()
    expect(page.get_by_text("Date changed.")).to_be_visible()
    expect(page.get_by_role("button", name="Remove Saint's day")).to_be_visible()
    assert_clean(problems)


def test_it_archives_restores_and_deletes_someone(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "tomas")
    _open_people(page)
    _add_person(page, "Jonas Berg")
    page.get_by_role("button", name="Archive").click()
    expect(page.get_by_text("Archived: out of your lists and nudges.")).to_be_visible()
    problems = audit(page, "an archived person's page")
    _open_people(page)
    expect(page.get_by_role("link", name="Jonas Berg")).to_have_count(0)
    page.get_by_role("link", name="Archived people").click()
    problems += audit(page, "archived people")
    page.get_by_role("link", name="Jonas Berg").click()
    page.get_by_role("button", name="Restore").click()
    expect(page.get_by_text("Restored.")).to_be_visible()
    _open_people(page)
    page.get_by_role("link", name="Jonas Berg").click()

    page.get_by_role("link", name="Delete", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete Jonas Berg?")
    problems += audit(page, "delete a person")
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("Deleted.")).to_be_visible()
    expect(page.get_by_role("link", name="Jonas Berg")).to_have_count(0)
    assert_clean(problems)


def test_it_adds_someone_and_rates_closeness_without_javascript(
    no_js_page: Page, site: Site
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "ines")
    _open_people(page)
    _add_person(page, "Ana Ruiz", rhythm="30", day="29", month="2")
    expect(page.get_by_text("About every 30 days")).to_be_visible()
    page.get_by_role("link", name="Rate how close you feel").click()
    page.get_by_text("the circles overlap a lot").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Latest: 5 of 7: the circles overlap a lot.")).to_be_visible()
