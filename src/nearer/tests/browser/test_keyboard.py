"""Journey E: logging in (and, with the journal, writing) with the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import PASSWORD, Site, expect_today, log_out, sign_up
from nearer.tests.browser.keyboard import focused, tab_to

pytestmark = pytest.mark.browser


def test_it_signs_up_and_logs_in_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up(page, site, "kim")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    expect(page.get_by_label("I have saved my recovery code")).to_be_checked()
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "kim")
    log_out(page)

    page.goto(site.url("/accounts/login/"))
    # The first stop is the skip link; it moves focus past the header.
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Skip to content"
    page.keyboard.press("Enter")
    tab_to(page, "Username")
    page.keyboard.type("kim")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Log in")
    page.keyboard.press("Enter")
    expect_today(page, "kim")

    # The navigation and the log-out button are reachable and show focus too.
    tab_to(page, "Account")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account")
    tab_to(page, "Log out")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
