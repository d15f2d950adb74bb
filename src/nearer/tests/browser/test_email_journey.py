"""The email address and what it is for, in Chromium: an address confirmed by the link
that arrives by SMTP; a sign-in from a new browser told to it; a passkey alone as the
second step; sign-up without JavaScript keeping the zone chosen from the list."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    confirm_code_saved,
    expect_today,
    log_in,
    log_out,
    sign_up_fully,
    virtual_authenticator,
)
from nearer.tests.browser.second_factor_helpers import open_second_step_page, shown_backup_codes
from nearer.tests.smtp import Inbox, smtp_server

__all__ = ["smtp_server"]

pytestmark = pytest.mark.browser

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"


def _wait_for(inbox: Inbox, count: int) -> None:
    deadline = time.monotonic() + 10
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(inbox.messages) >= count, [m["Subject"] for m in inbox.messages]


def test_an_email_is_confirmed_by_its_link_and_a_new_browser_is_told(
    page: Page, site: Site, browser: Browser, smtp_server: Inbox
) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "emma")
    page.goto(site.url("/accounts/"))
    page.get_by_label("Email (optional)").fill("emma.willow@example.org")
    page.get_by_role("button", name="Save email").click()
    expect(page.get_by_text("We sent it a link to confirm it")).to_be_visible()
    expect(page.get_by_text("not confirmed yet")).to_be_visible()

    _wait_for(smtp_server, 1)
    match = re.search(r"https?://\S+/accounts/email/confirm/\S+/", smtp_server.bodies()[0])
    assert match
    page.goto(match.group(0))
    problems += audit(page, "confirm your email")
    page.get_by_role("button", name="Confirm my email").click()
    expect(page.get_by_text("your email is confirmed")).to_be_visible()
    problems += audit(page, "email confirmed")
    page.goto(match.group(0))
    expect(page.get_by_text("can't confirm an address any more")).to_be_visible()
    problems += audit(page, "a used link")
    page.goto(site.url("/accounts/"))
    expect(page.get_by_text(", confirmed.")).to_be_visible()

    # Another browser on another system: a device not among the recent sign-ins.
    other = browser.new_context(user_agent=FIREFOX)
    try:
        elsewhere = other.new_page()
        log_in(elsewhere, site, "emma")
        expect_today(elsewhere, "emma")
    finally:
        other.close()
    _wait_for(smtp_server, 2)
    notice = smtp_server.messages[1]
    assert notice["Subject"] == "A new sign-in to Nearer"
    body = smtp_server.bodies()[1]
    assert "emma" not in body.lower() and "Firefox" not in body
    assert_clean(problems)


def test_a_passkey_alone_is_the_second_step(page: Page, site: Site) -> None:
    virtual_authenticator(page)
    problems: list[str] = []
    sign_up_fully(page, site, "pasha")
    open_second_step_page(page, site)
    page.get_by_label("A name for this passkey").fill("Desk key passkeyname")
    page.get_by_role("button", name="Add a passkey").click()
    # The first factor of any kind brings the backup codes.
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    shown_backup_codes(page)
    page.get_by_role("link", name="I've kept them").click()
    expect(page.get_by_text("Desk key passkeyname")).to_be_visible()

    log_out(page)
    log_in(page, None, "pasha")
    expect(page.get_by_role("heading", level=1)).to_have_text("One more step")
    expect(
        page.get_by_text("Please use your passkey, or type one of your backup codes")
    ).to_be_visible()
    page.get_by_role("button", name="Use a passkey").click()
    expect_today(page, "pasha")

    # Removing it, the last one, asks for the password and turns the step off.
    open_second_step_page(page, site)
    page.get_by_role("button", name="Remove the passkey Desk key passkeyname").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove your last passkey")
    problems += audit(page, "remove the last passkey")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Remove it and turn the second step off").click()
    expect(page.get_by_text("the second step is off")).to_be_visible()
    assert_clean(problems)


def test_sign_up_without_javascript_keeps_the_chosen_zone(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    page.goto(site.url("/accounts/signup/"))
    zone = page.get_by_label("Your time zone")
    expect(zone).to_have_value("UTC")
    page.get_by_label("Username").fill("zoe")
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password, again").fill(PASSWORD)
    zone.select_option("Europe/Oslo")
    page.get_by_role("button", name="Create my space").click()
    confirm_code_saved(page)
    expect_today(page, "zoe")
    page.goto(site.url("/accounts/"))
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Oslo")
