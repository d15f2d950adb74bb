"""The look: the navigation in one row on a phone, the account menu's Log out by
keyboard and without JavaScript, Today's first screen, and headings that stay inside
their cards — with axe at 360 and 1280 px, light and dark.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    Site,
    assert_clean,
    audit,
    headings_overflowing,
    open_account_menu,
    sign_up_fully,
)
from nearer.tests.browser.keyboard import tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
SECTIONS = ["Today", "Journal", "People", "Feelings", "Opening up", "Insights"]


def _boxes(page: Page) -> list[dict[str, float]]:
    boxes: list[dict[str, float]] = page.evaluate(
        """() => [...document.querySelectorAll('nav.site-nav li')].map(li => {
            const r = li.getBoundingClientRect();
            return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
        })"""
    )
    return boxes


def test_the_navigation_is_one_row_on_a_phone_and_on_a_desktop(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "nell")
    nav = page.get_by_role("navigation", name="Main")
    for size in (PHONE, {"width": 320, "height": 640}, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)  # type: ignore[arg-type]
        expect(nav.get_by_role("link")).to_have_count(len(SECTIONS))
        for words in SECTIONS:  # the full words are each link's name, whatever is shown
            expect(nav.get_by_role("link", name=words, exact=True)).to_be_visible()
        boxes = _boxes(page)
        assert len(boxes) == len(SECTIONS)
        # One row: every item at the same height, inside the window, none wrapped.
        assert len({round(box["top"]) for box in boxes}) == 1, (size, boxes)
        for box in boxes:
            assert box["left"] >= 0 and box["right"] <= size["width"], (size, box)
            assert box["bottom"] <= size["height"], (size, box)
        lines = page.evaluate(
            """() => [...document.querySelectorAll('nav.site-nav a')].map(
                a => Math.round(a.getBoundingClientRect().height))"""
        )
        assert len(set(lines)) == 1, lines
    # On a phone it is a bar at the foot of the screen; on a desktop a row at the top.
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    assert _boxes(page)[0]["bottom"] == pytest.approx(PHONE["height"], abs=2)
    # The header's brand, help and account menu share one row too.
    tops = page.evaluate(
        """() => ['.brand', '.help-link', '.account-menu summary'].map(s => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [Math.round(r.top + r.height / 2), r.right];
        })"""
    )
    assert max(t[0] for t in tops) - min(t[0] for t in tops) <= 2, tops
    assert max(t[1] for t in tops) <= PHONE["width"], tops
    page.set_viewport_size({"width": 1280, "height": 900})
    assert _boxes(page)[0]["top"] < 200
    # The sections a grouped section holds are one tap away.
    nav.get_by_role("link", name="Feelings").click()
    row = page.get_by_role("navigation", name="Feelings")
    expect(row.get_by_role("link")).to_have_text(["Check-ins", "Scales"])
    expect(nav.get_by_role("link", name="Feelings")).to_have_attribute("aria-current", "page")


def test_log_out_from_the_account_menu_by_keyboard(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "otto")
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    log_out_button = page.get_by_role("button", name="Log out")
    expect(log_out_button).to_be_hidden()
    tab_to(page, "Account")
    page.keyboard.press("Enter")
    expect(log_out_button).to_be_visible()
    box = log_out_button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    problems = audit(page, "Today with the account menu open")
    tab_to(page, "Log out")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    assert_clean(problems)


def test_log_out_from_the_account_menu_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "pell")
    open_account_menu(page)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()


def _in_first_screen(page: Page, selector: str, bar_top: float) -> bool:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] >= 0 and box["y"] + box["height"] <= bar_top


def test_todays_first_screen_on_a_phone_holds_the_check_in_and_one_next_step(
    page: Page, site: Site
) -> None:
    sign_up_fully(page, site, "rosa")
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.reload()
    bar_top = page.locator("nav.site-nav").bounding_box()["y"]  # type: ignore[index]
    # The check-in's heading and its button, then the next step's words and its action.
    assert _in_first_screen(page, "#checkin-card-heading", bar_top)
    assert _in_first_screen(page, ".checkin-card button[type=submit]", bar_top)
    assert page.locator(".today-next").count() == 1
    assert _in_first_screen(page, ".today-next .eyebrow", bar_top)
    assert _in_first_screen(page, ".today-next h2", bar_top)
    assert _in_first_screen(page, ".today-next .button", bar_top)


def test_headings_stay_inside_their_cards(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "saul")
    problems: list[str] = []
    for path in ("/", "/checkins/new/", "/scales/who5/", "/people/", "/insights/", "/accounts/"):
        page.goto(site.url(path))
        for size in (PHONE, {"width": 1280, "height": 900}):
            page.set_viewport_size(size)  # type: ignore[arg-type]
            problems += [f"{path} {size['width']}: {p}" for p in headings_overflowing(page)]
    assert not problems, "\n".join(problems)


def test_the_pages_of_the_look_are_accessible(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "tove")
    problems = audit(page, "Today")
    page.get_by_role("link", name="Feelings", exact=True).click()
    problems += audit(page, "Feelings: check-ins with the section row")
    page.get_by_role("link", name="Insights", exact=True).click()
    problems += audit(page, "Insights with the section row")
    page.get_by_role("link", name="Together", exact=True).click()
    problems += audit(page, "Together under Insights")
    assert_clean(problems)
