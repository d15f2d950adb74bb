"""Journey: a well-being scale from Today, the help path, the change, trends, Get help now.

Every scales page is audited with axe (light and dark, phone and desktop),
"Get help now" included, also logged out.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, log_out, sign_up_fully

pytestmark = pytest.mark.browser

OFFER = "A short well-being check, when you have two minutes"


def _answer_all(page: Page, label: str) -> None:
    groups = page.locator("fieldset.scale-item")
    for index in range(groups.count()):
        groups.nth(index).get_by_label(label).check()


def test_a_low_who5_leads_to_help_and_a_higher_one_shows_a_meaningful_change(
    page: Page, site: Site
) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "nora")
    offer = page.get_by_role("region", name=OFFER)
    expect(offer).to_be_visible()
    problems += audit(page, "today with a scale offer")
    offer.get_by_role("link", name="Take the WHO-5").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("WHO-5 Well-Being Index")
    expect(page.locator("fieldset.scale-item")).to_have_count(5)
    # Sending with answers missing: the browser (required radios) keeps us on the page.
    problems += audit(page, "take WHO-5")
    _answer_all(page, "Some of the time")
    page.get_by_role("button", name="See my result").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your WHO-5 result")
    expect(page.locator(".scale-score-number strong")).to_have_text("20")
    help_path = page.get_by_role("region", name="Some support, if you want it")
    expect(help_path).to_contain_text("doctor or another professional")
    expect(help_path.get_by_role("link", name="Open People")).to_be_visible()
    problems += audit(page, "low result with the help path")

    # Get help now: one click from any page.
    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.get_by_text("call your local emergency number")).to_be_visible()
    page.go_back()

    page.goto(site.url("/scales/who5/"))
    _answer_all(page, "Most of the time")
    page.get_by_role("button", name="See my result").click()
    expect(page.locator(".scale-score-number strong")).to_have_text("80")
    expect(page.locator(".scale-change")).to_contain_text("Up 60 points since last time")
    expect(page.locator(".scale-meaningful")).to_contain_text("meaningful change")
    expect(page.get_by_role("region", name="Some support, if you want it")).to_have_count(0)
    problems += audit(page, "higher result with a meaningful change")

    page.get_by_role("link", name="See your trends").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your scales over time")
    expect(page.get_by_role("img", name="WHO-5 over time")).to_be_visible()
    page.get_by_text("Every WHO-5 result as a table").click()
    expect(page.get_by_role("table")).to_contain_text("+60 (meaningful)")
    problems += audit(page, "trends")

    page.get_by_role("link", name="How often").click()
    page.get_by_role("group", name="UCLA 3-item (loneliness)").get_by_label("Every week").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. Scales will be offered as you chose.")).to_be_visible()
    problems += audit(page, "scales index")
    page.goto(site.url("/scales/schedule/"))
    problems += audit(page, "how often")

    page.goto(site.url("/scales/ucla3/"))
    _answer_all(page, "Often")
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_text("scores of 6 or more are often read as loneliness")).to_be_visible()
    page.get_by_role("link", name="Delete this result").click()
    problems += audit(page, "delete a result")
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The result was deleted.")).to_be_visible()

    log_out(page)
    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.get_by_role("link", name="https://findahelpline.com")).to_be_visible()
    problems += audit(page, "get help now, logged out")
    assert_clean(problems)


def test_not_now_skips_the_offer_without_javascript(browser, site: Site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_up_fully(page, site, "omar")
        offer = page.get_by_role("region", name=OFFER)
        offer.get_by_role("button", name="Not now").click()
        expect(page.get_by_text("We'll ask again in a week or so.")).to_be_visible()
        expect(page.locator(".scales-due")).to_have_count(0)
        page.goto(site.url("/scales/pss4/"))
        # Without JavaScript the page still takes answers with the keyboard alone.
        groups = page.locator("fieldset.scale-item")
        for index in range(groups.count()):
            groups.nth(index).get_by_label("Sometimes").focus()
            page.keyboard.press("Space")
        page.get_by_role("button", name="See my result").click()
        expect(page.locator(".scale-score-number strong")).to_have_text("8")
    finally:
        context.close()
