"""Journey, two browsers, of the rituals: invite → accept → compare the phrase → both
answer the day's question (the other's answer shown only after the second) → the
weekly check-in → a moment together appears for both → one ends the space → the
other sees it ended and can no longer open anything.

Every rituals page is audited with axe (light and dark, phone and desktop).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, go_to_together, sign_up_fully

pytestmark = pytest.mark.browser

RIMA_ANSWER = "The smell of rain on the allotment, wrenfeather"
TEO_ANSWER = "Our slow Sunday breakfast with the radio on, marbleglow"


@pytest.fixture
def second_page(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A second person's browser: a context of its own, its own cookies."""
    context = browser.new_context(**browser_context_args)
    new = context.new_page()
    new.set_default_timeout(8_000)
    yield new
    context.close()


def _pair(rima: Page, teo: Page, site: Site) -> None:
    sign_up_fully(rima, site, "rima")
    sign_up_fully(teo, site, "teo")
    go_to_together(rima)
    rima.get_by_label("Your name, as your partner will see it").fill("Rima")
    rima.get_by_role("button", name="Make an invite code").click()
    link = rima.locator("#invite-link").inner_text()
    assert re.search(r"/together/accept/\?code=", link), link
    teo.goto(link)
    teo.get_by_label("Your name, as your partner will see it").fill("Teo")
    teo.get_by_role("button", name="Join the space").click()
    words = teo.locator("ol.safety-words li").all_inner_texts()
    teo.get_by_role("button", name="We compared them and they match").click()
    expect(teo.get_by_text("Your space with")).to_contain_text("Rima")
    rima.get_by_role("link", name="Done").click()
    rima.get_by_role("link", name="See the safety words").click()
    assert rima.locator("ol.safety-words li").all_inner_texts() == words
    rima.get_by_role("button", name="We compared them and they match").click()
    expect(rima.get_by_text("Your space with")).to_contain_text("Teo")


def test_two_people_keep_their_rituals_together_and_one_ends_the_space(
    page: Page, second_page: Page, site: Site
) -> None:
    problems: list[str] = []
    rima, teo = page, second_page
    _pair(rima, teo, site)

    # The day's question: Rima answers first and waits; Teo sees only that she did.
    rima.get_by_role("link", name="Today's question").click()
    expect(rima.get_by_role("heading", level=1)).to_have_text("Today's question")
    problems += audit(rima, "today's question, unanswered")
    rima.get_by_label("Your answer").fill(RIMA_ANSWER)
    rima.get_by_role("button", name="Keep my answer").click()
    expect(rima.get_by_text("Waiting for Teo.")).to_be_visible()
    problems += audit(rima, "today's question, waiting")
    teo.goto(site.url("/together/rituals/question/"))
    expect(teo.get_by_text("Rima has answered.")).to_be_visible()
    assert "wrenfeather" not in teo.content()
    teo.get_by_label("Your answer").fill(TEO_ANSWER)
    teo.get_by_role("button", name="Keep my answer").click()
    expect(teo.get_by_text(RIMA_ANSWER)).to_be_visible()
    problems += audit(teo, "today's question, both answered")
    teo.get_by_label("That made me laugh").check()
    teo.get_by_label("A short reply (optional)").fill("Every single week")
    teo.get_by_role("button", name="Send to Rima").click()
    expect(teo.get_by_text("Your reaction is kept.")).to_be_visible()
    rima.reload()
    expect(rima.get_by_text(TEO_ANSWER)).to_be_visible()
    expect(rima.get_by_text("Teo replied: Every single week")).to_be_visible()
    rima.get_by_role("link", name="Earlier questions").click()
    problems += audit(rima, "earlier questions")

    # The weekly check-in: each prepares alone; the other's part opens once both have.
    rima.get_by_role("link", name="Weekly check-in").click()
    problems += audit(rima, "the weekly check-in")
    rima.get_by_label("What I appreciated about you this week").fill("You fixed my bike, gently")
    rima.get_by_role("button", name="Keep what I prepared").click()
    expect(rima.get_by_text("Waiting for Teo to prepare.")).to_be_visible()
    teo.goto(site.url("/together/rituals/check-in/"))
    assert "fixed my bike" not in teo.content()
    teo.get_by_label("One wish for the coming week").fill("A picnic if it is dry")
    teo.get_by_role("button", name="Keep what I prepared").click()
    teo.get_by_role("link", name="Go through this week's check-in").click()
    expect(teo.get_by_text("You fixed my bike, gently")).to_be_visible()
    problems += audit(teo, "a check-in gone through")
    teo.get_by_role("link", name="Earlier check-ins").click()
    problems += audit(teo, "earlier check-ins")

    # A moment together: Rima logs it; it is in her moments now, Teo's at his next POST.
    rima.get_by_role("link", name="Moments together").click()
    problems += audit(rima, "moments together")
    rima.get_by_label("A note (optional)").fill("Picnic by the canal, hazelbright")
    rima.get_by_role("button", name="Log for both of us").click()
    expect(rima.get_by_text("Logged for both of you.")).to_be_visible()
    rima.goto(site.url("/moments/"))
    expect(rima.get_by_text("Picnic by the canal, hazelbright")).to_be_visible()
    teo.goto(site.url("/together/rituals/cards/"))
    problems += audit(teo, "cards together")
    teo.get_by_role("button", name="Start").click()
    expect(teo.get_by_text("You ask")).to_be_visible()
    problems += audit(teo, "a card together")
    teo.get_by_role("button", name="Stop here").click()
    expect(teo.get_by_text("It is kept as a moment for both of you.")).to_be_visible()
    teo.goto(site.url("/moments/"))
    expect(teo.get_by_text("Picnic by the canal, hazelbright")).to_be_visible()

    # Teo ends the space: Rima sees only that it ended, and opens nothing of it.
    teo.goto(site.url("/together/"))
    teo.get_by_role("link", name="End this space").click()
    teo.get_by_role("button", name="End the space").click()
    expect(teo.get_by_text("The space has ended.")).to_be_visible()
    rima.goto(site.url("/together/rituals/question/"))
    expect(rima.get_by_text("This space has ended.")).to_be_visible()
    assert "marbleglow" not in rima.content()
    response = rima.goto(site.url("/together/rituals/question/earlier/"))
    assert response is not None
    expect(rima.get_by_text("This space has ended.")).to_be_visible()
    assert "marbleglow" not in rima.content()
    assert_clean(problems)
