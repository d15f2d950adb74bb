"""Journey: drawing conversation cards by theme and depth, a favourite, "Not for me".

With the mouse and axe (light and dark, phone and desktop) on every page, with the
keyboard alone, and with JavaScript off. The cards are the tests' own small deck
(decks/tests/draw_helpers.py), so what can be drawn is known.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.decks.catalogue import Card
from nearer.decks.tests.draw_helpers import test_deck
from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully
from nearer.tests.browser.keyboard import tab_to

__all__ = ["test_deck"]

pytestmark = pytest.mark.browser

CARD_TEXT = re.compile(r"Question [a-z]+ \d number \d+: what would you say\?")


def _card_text(page: Page) -> str:
    text = page.locator(".deck-card-text").inner_text()
    assert CARD_TEXT.fullmatch(text), text
    return text


def test_it_draws_by_theme_and_depth_keeps_a_favourite_and_hides_a_card(
    page: Page, site: Site, test_deck: tuple[Card, ...]
) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "wren")
    page.goto(site.url("/cards/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation cards")
    expect(page.get_by_text("45 cards fit this choice.")).to_be_visible()
    problems += audit(page, "draw page")

    page.get_by_label("Theme").select_option(label="Needs")
    page.get_by_label("Depth").select_option(label="3 · Deep")
    page.get_by_role("button", name="Use this choice").click()
    expect(page).to_have_url(re.compile(r"/cards/\?theme=needs&depth=3$"))
    expect(page.get_by_text("5 cards fit this choice.")).to_contain_text("fewer than 31")
    problems += audit(page, "draw page with a filter")

    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator(".deck-card-meta")).to_have_text("Needs · Depth 3, deep")
    first = _card_text(page)
    assert first.startswith("Question needs 3 ")
    problems += audit(page, "a card")
    page.reload()
    assert _card_text(page) == first  # a reload shows the same card, draws nothing

    page.get_by_role("button", name="Favourite").click()
    expect(page.get_by_role("button", name="Unfavourite")).to_be_visible()
    page.get_by_role("link", name="Favourites").click()
    expect(page.get_by_role("link", name=first)).to_be_visible()
    problems += audit(page, "favourites")
    page.get_by_role("link", name=first).click()

    page.get_by_role("button", name="Not for me").click()
    expect(page.get_by_role("status")).to_contain_text("That card is hidden from your draws.")
    expect(page.locator(".deck-card-text")).not_to_have_text(first)
    _card_text(page)
    problems += audit(page, "a card after Not for me")
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("That card is back in your draws.")).to_be_visible()
    expect(page.locator(".deck-card-text")).to_have_text(first)

    page.get_by_role("button", name="Not for me").click()
    page.get_by_role("link", name="Not for me").click()
    expect(page.locator(".deck-row-text")).to_have_text([first])
    problems += audit(page, "hidden cards")
    page.get_by_role("button", name=re.compile(r"^Bring it back")).click()
    expect(page.get_by_text("No hidden cards.")).to_be_visible()

    page.get_by_role("link", name="Deck settings").click()
    problems += audit(page, "deck settings")
    page.get_by_label("Include the Physical closeness cards").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("48 cards fit this choice.")).to_be_visible()

    page.goto(site.url("/cards/?depth=7"))
    expect(page.get_by_text("Please choose one of the depths offered")).to_be_visible()
    problems += audit(page, "draw page with a bad filter")
    assert_clean(problems)


def test_it_draws_favourites_and_hides_with_the_keyboard_alone(
    page: Page, site: Site, test_deck: tuple[Card, ...]
) -> None:
    sign_up_fully(page, site, "kit")
    page.goto(site.url("/cards/"))
    tab_to(page, "Theme")
    page.keyboard.type("Needs")  # a focused select jumps to the option typed
    tab_to(page, "Use this choice")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/cards/\?theme=needs&depth=$"))
    tab_to(page, "Draw a card")
    page.keyboard.press("Enter")
    first = _card_text(page)
    tab_to(page, "Favourite")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Unfavourite")).to_be_visible()
    tab_to(page, "Not for me")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("That card is hidden")
    tab_to(page, "Undo")
    page.keyboard.press("Enter")
    expect(page.locator(".deck-card-text")).to_have_text(first)
    tab_to(page, "Another card")
    page.keyboard.press("Enter")
    expect(page.locator(".deck-card-text")).not_to_have_text(first)
    _card_text(page)


def test_it_draws_favourites_and_hides_without_javascript(
    no_js_page: Page, site: Site, test_deck: tuple[Card, ...]
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "ash")
    page.goto(site.url("/cards/?theme=needs&depth=3"))
    page.get_by_role("button", name="Draw a card").click()
    first = _card_text(page)
    page.get_by_role("button", name="Favourite").click()
    expect(page.get_by_role("button", name="Unfavourite")).to_be_visible()
    page.get_by_role("button", name="Not for me").click()
    expect(page.get_by_role("status")).to_contain_text("That card is hidden")
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".deck-card-text")).to_have_text(first)
    page.get_by_role("link", name="Choose another theme or depth").click()
    expect(page.get_by_label("Theme")).to_have_value("needs")
    page.get_by_label("Depth").select_option(label="Any depth")
    page.get_by_role("button", name="Use this choice").click()
    expect(page.get_by_text("5 cards fit this choice.")).to_be_visible()
