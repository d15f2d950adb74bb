"""Journey, two browsers: one invites → the other accepts → both see the same safety
words → one shares a journal entry → the other sees it → unshared → one ends the
space → the other sees only that it ended.

Every Together page is audited with axe (light and dark, phone and desktop).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from nearer.tests.browser.helpers import (
    Site,
    assert_clean,
    audit,
    go_to_together,
    sign_up_fully,
    write_entry,
)

pytestmark = pytest.mark.browser

ENTRY_TITLE = "The heron at the weirqwerty"
ENTRY_BODY = "We stood still for a long time and it did not fly off."


@pytest.fixture
def second_page(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A second person's browser: a context of its own, its own cookies."""
    context = browser.new_context(**browser_context_args)
    new = context.new_page()
    new.set_default_timeout(8_000)
    yield new
    context.close()


def _words(page: Page) -> list[str]:
    return page.locator("ol.safety-words li").all_inner_texts()


def test_two_people_pair_compare_share_unshare_and_end(
    page: Page, second_page: Page, site: Site
) -> None:
    problems: list[str] = []
    ines, omar = page, second_page
    sign_up_fully(ines, site, "ines")
    sign_up_fully(omar, site, "omar")

    go_to_together(ines)
    expect(ines.get_by_role("heading", level=1)).to_have_text("Together")
    problems += audit(ines, "Together, not paired")
    ines.get_by_label("Your name, as your partner will see it").fill("Inès")
    ines.get_by_role("button", name="Make an invite code").click()
    expect(ines.get_by_role("heading", level=1)).to_have_text("Your invite code")
    problems += audit(ines, "the invite code")
    link = ines.locator("#invite-link").inner_text()
    assert re.search(r"/together/accept/\?code=[0-9A-Z]{24}$", link), link

    omar.goto(link)
    expect(omar.get_by_role("heading", level=1)).to_have_text("Accept an invite")
    problems += audit(omar, "accept an invite")
    omar.get_by_label("Your name, as your partner will see it").fill("Omar")
    omar.get_by_role("button", name="Join the space").click()
    expect(omar.get_by_role("heading", level=1)).to_have_text("Your safety words")
    problems += audit(omar, "the safety words")
    omars_words = _words(omar)
    assert len(omars_words) == 8
    omar.get_by_role("button", name="We compared them and they match").click()
    expect(omar.get_by_text("Your space with")).to_contain_text("Inès")
    problems += audit(omar, "the space's home")

    ines.get_by_role("link", name="Done").click()
    expect(ines.get_by_text("Your space with")).to_contain_text("Omar")
    ines.get_by_role("link", name="See the safety words").click()
    assert _words(ines) == omars_words

    write_entry(ines, title=ENTRY_TITLE, body=ENTRY_BODY)
    ines.get_by_role("button", name="Share with Omar").click()
    expect(ines.get_by_text("Shared with your partner.")).to_be_visible()
    expect(ines.get_by_text("Shared with Omar.")).to_be_visible()

    omar.reload()
    shared = omar.get_by_role("heading", name=ENTRY_TITLE)
    expect(shared).to_be_visible()
    expect(omar.get_by_text(ENTRY_BODY)).to_be_visible()
    problems += audit(omar, "the space with a shared entry")

    ines.get_by_role("button", name="Unshare").click()
    expect(ines.get_by_text("Unshared.")).to_be_visible()
    omar.reload()
    expect(omar.get_by_role("heading", name=ENTRY_TITLE)).to_have_count(0)

    omar.get_by_role("link", name="End this space").click()
    expect(omar.get_by_role("heading", level=1)).to_have_text("End this space?")
    problems += audit(omar, "end the space")
    omar.get_by_role("button", name="End the space").click()
    expect(omar.get_by_text("The space has ended.")).to_be_visible()

    ines.goto(site.url("/together/"))
    expect(ines.get_by_text("This space has ended.")).to_be_visible()
    expect(ines.get_by_text("Omar")).to_have_count(0)
    problems += audit(ines, "Together, after the other ended it")
    assert_clean(problems)
