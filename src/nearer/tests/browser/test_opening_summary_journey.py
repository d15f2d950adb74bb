"""Journey: reflected shares show on "What opening up did" as the feared-vs-felt line
and its table; reached from the main navigation with the keyboard, without JavaScript,
and clean with axe at phone and desktop width, light and dark."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from nearer.accounts.services import user_sign_up
from nearer.moments.services import moment_create
from nearer.opening.services import share_mark_shared, share_prepare, share_reflect
from nearer.people.content import PersonDetails
from nearer.people.services import person_create
from nearer.tests.browser.helpers import PASSWORD, Site, assert_clean, audit, log_in
from nearer.tests.browser.keyboard import tab_to
from nearer.vault.box import Vault

pytestmark = pytest.mark.browser

# (shared on, anxious before, anxious after): two calmer, one the same.
SHARES = ((date(2025, 2, 3), 8, 3), (date(2025, 4, 9), 6, 6), (date(2025, 6, 1), 7, 2))


def _account_with_reflected_shares(username: str) -> None:
    """An account whose shares were prepared, shared and reflected on through the services."""
    new = user_sign_up(username=username, password=PASSWORD)
    user, vault = new.user, Vault(user_id=new.user.pk, dek=new.dek)
    ana = person_create(
        user=user, vault=vault, details=PersonDetails(name="Ana <b>Lindqvist</b>", circle="close")
    )
    for day, before, after in SHARES:
        share = share_prepare(
            user=user,
            vault=vault,
            text="Something carried",
            person_ids=[ana.id],
            anxiety_before=before,
        )
        share_mark_shared(
            user=user, vault=vault, share_id=share.id, shared_on=day, how="in_person", today=day
        )
        share_reflect(
            user=user,
            vault=vault,
            share_id=share.id,
            reception=["listened"],
            reception_note="",
            anxiety_after=after,
            closeness_after=None,
            reciprocated="yes",
            today=day,
        )
    moment_create(
        user=user,
        vault=vault,
        occurred_on=date(2025, 5, 5),
        person_ids=[ana.id],
        how="call",
        opened_up="them",
    )


def test_reflected_shares_show_as_feared_and_felt_and_the_page_is_accessible(
    page: Page, site: Site
) -> None:
    _account_with_reflected_shares("mirela")
    log_in(page, site, "mirela")
    page.get_by_role("link", name="Opening up", exact=True).click()
    page.get_by_role("link", name="What opening up did").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What opening up did")
    expect(page.get_by_role("link", name="Opening up", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(
        page.get_by_text("In 2 of 3 shares you felt calmer afterwards than you feared.")
    ).to_be_visible()
    rows = page.locator("#felt-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator("td")).to_have_text(["3 Feb 2025", "8", "3", "Calmer"])
    # The person's name is text, never markup.
    expect(page.get_by_role("heading", name="Ana <b>Lindqvist</b>")).to_be_visible()
    assert_clean(audit(page, "what opening up did"))
    page.get_by_text("Everyone as a table").click()
    expect(page.locator("#recip-all-table")).to_be_visible()
    assert_clean(audit(page, "what opening up did, a table open"))
    page.context.clear_cookies()
    user_sign_up(username="oskar", password=PASSWORD)
    log_in(page, site, "oskar")
    page.goto(site.url("/opening-up/summary/"))
    expect(page.get_by_text("Nothing to compare yet.", exact=False)).to_be_visible()
    assert_clean(audit(page, "what opening up did, nothing yet"))


def test_the_summary_is_reached_with_the_keyboard_alone(page: Page, site: Site) -> None:
    _account_with_reflected_shares("tomasz")
    log_in(page, site, "tomasz")
    tab_to(page, "Opening up")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opening up")
    tab_to(page, "What opening up did")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("What opening up did")
    tab_to(page, "Everyone as a table", limit=60)
    page.keyboard.press("Enter")
    expect(page.locator("#recip-all-table")).to_be_visible()


def test_the_summary_works_without_javascript_and_says_what_is_needed_when_empty(
    no_js_page: Page, site: Site
) -> None:
    _account_with_reflected_shares("ingrid")
    user_sign_up(username="oskar", password=PASSWORD)
    log_in(no_js_page, site, "oskar")
    no_js_page.goto(site.url("/opening-up/summary/"))
    expect(no_js_page.get_by_text("Nothing to compare yet.", exact=False)).to_be_visible()
    no_js_page.context.clear_cookies()
    log_in(no_js_page, site, "ingrid")
    no_js_page.goto(site.url("/opening-up/summary/"))
    expect(no_js_page.get_by_text("In 2 of 3 shares", exact=False)).to_be_visible()
    no_js_page.get_by_text("Everyone as a table").click()
    expect(no_js_page.locator("#recip-all-table")).to_be_visible()
