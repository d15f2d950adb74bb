"""Account → Security in a real browser: a second device's session seen and ended (it
is logged out), log out everywhere else by keyboard; sign-up closed and by invite;
the privacy page. Every page checked with axe as it is reached."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.fixtures import Settings

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    confirm_code_saved,
    expect_today,
    log_in,
    sign_up_fully,
)
from nearer.tests.browser.keyboard import tab_to

pytestmark = pytest.mark.browser

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"


def _phone(browser: Browser, browser_context_args: dict[str, Any]) -> Page:
    context = browser.new_context(**{**browser_context_args, "user_agent": PHONE})
    phone = context.new_page()
    phone.set_default_timeout(8_000)
    return phone


def test_it_shows_the_other_device_and_ends_it(
    page: Page, site: Site, browser: Browser, browser_context_args: dict[str, Any]
) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "sela")
    phone = _phone(browser, browser_context_args)
    try:
        log_in(phone, site, "sela")
        expect_today(phone, "sela")

        page.goto(site.url("/accounts/"))
        page.get_by_role("link", name="Security: where you are logged in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Security")
        expect(page.get_by_text("Firefox on Android", exact=True)).to_be_visible()
        expect(page.get_by_text("this device")).to_have_count(1)
        problems += audit(page, "security, two sessions")

        page.get_by_role("button", name="End this session (Firefox on Android").click()
        expect(page.get_by_text("That session has ended.")).to_be_visible()
        expect(page.get_by_text("Only this device is logged in.")).to_be_visible()
        problems += audit(page, "security, one session ended")

        phone.reload()
        expect(phone.get_by_role("button", name="Log in")).to_be_visible()

        # Log out everywhere else, by keyboard alone.
        log_in(phone, site, "sela")
        expect_today(phone, "sela")
        page.reload()
        tab_to(page, "Log out everywhere else")
        page.keyboard.press("Enter")
        expect(page.get_by_text("You are logged out everywhere else.")).to_be_visible()
        phone.reload()
        expect(phone.get_by_role("button", name="Log in")).to_be_visible()

        # A wrong password from the phone shows among the recent sign-ins.
        log_in(phone, site, "sela", "not the password at all")
        page.reload()
        expect(page.get_by_text("a password that didn't match, Firefox on Android")).to_be_visible()
        problems += audit(page, "security with a failed attempt")
    finally:
        phone.context.close()

    page.goto(site.url("/privacy/"))
    problems += audit(page, "privacy, logged in")
    assert_clean(problems)


def test_sign_up_closed_and_by_invite(page: Page, site: Site, settings: Settings) -> None:
    from nearer.accounts.invites import signup_invite_create

    problems: list[str] = []
    settings.SIGNUP = "closed"
    page.goto(site.url("/accounts/signup/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("New accounts aren't being made here")
    problems += audit(page, "sign-up closed")
    page.get_by_role("link", name="How Nearer keeps what you write private").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How Nearer keeps what you write private"
    )
    problems += audit(page, "privacy")

    settings.SIGNUP = "invite"
    code = signup_invite_create().code
    page.goto(site.url("/accounts/signup/"))
    page.get_by_label("Invite code").fill("WRONG-CODE")
    page.get_by_label("Username").fill("ines")
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password, again").fill(PASSWORD)
    page.get_by_role("button", name="Create my space").click()
    expect(page.get_by_text("That invite code doesn't open sign-up.")).to_be_visible()
    problems += audit(page, "sign-up by invite, wrong code")
    page.get_by_label("Invite code").fill(code.lower())
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password, again").fill(PASSWORD)
    page.get_by_role("button", name="Create my space").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    confirm_code_saved(page)
    expect_today(page, "ines")
    assert_clean(problems)
