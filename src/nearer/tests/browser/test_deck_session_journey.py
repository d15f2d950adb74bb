"""Journey: a 10-minute deck session with someone that reaches depth 3 and is logged as
a moment, then the moment and the depth on their page. Also a session with the
keyboard alone and the whole way without JavaScript. Every session page is checked
with axe, light and dark, phone and desktop. The cards are the tests' own deck
(decks/tests/session_helpers.py), so what can be shown is known.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.decks.catalogue import Card
from nearer.decks.tests.session_helpers import session_deck
from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully
from nearer.tests.browser.keyboard import tab_to

__all__ = ["session_deck"]

pytestmark = pytest.mark.browser

NAME = "Isolde Brackenridge"


def _someone(page: Page, name: str) -> None:
    """Through the People pages: add someone; end on their page."""
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("link", name="Add someone").first.click()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def _meta(page: Page) -> str:
    return page.locator(".deck-card-meta").inner_text()


def test_a_ten_minute_session_reaches_depth_3_and_is_logged(
    page: Page, site: Site, session_deck: tuple[Card, ...]
) -> None:
    sign_up_fully(page, site, "tamsin")
    page.goto(site.url("/cards/sessions/"))
    expect(page.get_by_text("No sessions yet.")).to_be_visible()
    problems = audit(page, "sessions, none yet")
    _someone(page, NAME)
    problems += audit(page, "their page before any session")
    page.get_by_role("link", name=f"Talk deeper with {NAME}").click()
    expect(page.get_by_label("Who are you talking with?")).to_have_value(re.compile(r".+"))
    problems += audit(page, "start a session")
    page.get_by_role("group", name="How long have you got?").get_by_label("45 minutes").check()
    page.get_by_label("Who are you talking with?").select_option(label="Choose someone")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Please choose who you are talking with.")).to_be_visible()
    problems += audit(page, "start with a mistake")
    page.get_by_label("Who are you talking with?").select_option(label=NAME)
    page.get_by_role("group", name="How long have you got?").get_by_label("10 minutes").check()
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("You ask", exact=True)).to_be_visible()
    expect(page.locator(".deck-card-meta")).to_contain_text("Card 1 of about 6 · Depth 1, light")
    problems += audit(page, "a session's card")
    first = page.locator(".deck-card-text").inner_text()
    page.reload()
    assert page.locator(".deck-card-text").inner_text() == first
    page.get_by_role("button", name="Skip this card").click()
    assert page.locator(".deck-card-text").inner_text() != first
    expect(page.get_by_text("You ask", exact=True)).to_be_visible()
    depths = []
    for number in range(1, 7):
        expect(page.locator(".deck-card-meta")).to_contain_text(f"Card {number} of about 6")
        depths.append(int(re.search(r"Depth (\d)", _meta(page)).group(1)))  # type: ignore[union-attr]
        if number == 2:
            expect(page.get_by_text(f"{NAME} asks", exact=True)).to_be_visible()
        page.get_by_role("button", name="Next card").click()
    assert depths == [1, 1, 2, 2, 3, 3]

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your talk with {NAME}")
    expect(page.get_by_text("You went as deep as Deep (depth 3), over 6 cards.")).to_be_visible()
    problems += audit(page, "a session's end")
    page.get_by_role("button", name="Log as a moment").click()
    expect(page.get_by_text("Logged as a moment together.")).to_be_visible()
    problems += audit(page, "a session logged")
    page.get_by_role("link", name=f"See it on {NAME}'s page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.get_by_text("Latest moment: today.")).to_be_visible()
    expect(
        page.get_by_text("Deepest you've gone together: Deep (depth 3), in 1 session.")
    ).to_be_visible()
    problems += audit(page, "their page after a session")
    page.goto(site.url("/cards/sessions/"))
    problems += audit(page, "sessions")
    assert_clean(problems)


def test_a_session_with_the_keyboard_alone(
    page: Page, site: Site, session_deck: tuple[Card, ...]
) -> None:
    sign_up_fully(page, site, "rowan")
    _someone(page, NAME)
    tab_to(page, f"Talk deeper with {NAME}")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Talk deeper with someone")
    tab_to(page, "Start")
    page.keyboard.press("Enter")
    expect(page.locator(".deck-card-meta")).to_contain_text("Card 1 of about 6")
    tab_to(page, "Next card")
    page.keyboard.press("Enter")
    expect(page.locator(".deck-card-meta")).to_contain_text("Card 2 of about 6")
    tab_to(page, "Stop here")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You went as deep as Light (depth 1), over 1 card.")).to_be_visible()
    tab_to(page, "Log as a moment")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Logged as a moment together.")).to_be_visible()


def test_a_session_without_javascript(
    no_js_page: Page, site: Site, session_deck: tuple[Card, ...]
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "linden")
    _someone(page, NAME)
    page.goto(site.url("/cards/sessions/new/"))
    page.get_by_label("Who are you talking with?").select_option(label=NAME)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Next card").click()
    page.get_by_role("button", name="Skip this card").click()
    expect(page.locator(".deck-card-meta")).to_contain_text("Card 2 of about 6")
    page.goto(site.url("/cards/sessions/"))
    page.get_by_role("link", name=f"Carry on with {NAME}").click()
    page.get_by_role("button", name="Stop here").click()
    page.get_by_role("link", name="Not now").click()
    expect(page.get_by_role("link", name=f"With {NAME}")).to_be_visible()
