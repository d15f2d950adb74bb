"""Journey D: axe (WCAG 2.x A/AA) on every page, light and dark, phone and desktop.

Each test walks a group of pages as a person would reach them and collects every
problem before failing, so one run shows all that needs fixing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    confirm_code_saved,
    log_in,
    log_out,
    sign_up,
)

pytestmark = pytest.mark.browser


def test_the_pages_before_logging_in_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []

    page.goto(site.url("/accounts/signup/"))
    problems += audit(page, "sign up")
    page.get_by_role("button", name="Create my space").click()
    expect(page.locator(".field-invalid").first).to_be_visible()
    problems += audit(page, "sign up with errors")

    page.goto(site.url("/accounts/login/"))
    problems += audit(page, "log in")
    log_in(page, None, "nobody", "wrong")
    expect(page.get_by_role("alert")).to_be_visible()
    problems += audit(page, "log in with an error")
    page.goto(site.url("/accounts/login/?ended=1"))
    problems += audit(page, "log in after the session ended")

    page.goto(site.url("/accounts/forgot/"))
    problems += audit(page, "forgot password")
    page.get_by_role("button", name="Set new password").click()
    problems += audit(page, "forgot password with errors")

    page.goto(site.url("/no-such-page/"))
    expect(page.get_by_role("heading", name="We couldn't find that page")).to_be_visible()
    problems += audit(page, "404")

    # A form sent without its CSRF cookie reaches the calm CSRF failure page.
    page.goto(site.url("/accounts/login/"))
    page.context.clear_cookies()
    log_in(page, None, "nobody", "whatever")
    expect(page.get_by_role("heading", name="This page was open for too long")).to_be_visible()
    problems += audit(page, "CSRF failure")

    assert_clean(problems)


def test_the_account_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []

    sign_up(page, site, "ada")
    problems += audit(page, "recovery code")
    page.get_by_role("button", name="Continue").click()
    problems += audit(page, "recovery code not ticked")
    confirm_code_saved(page)
    problems += audit(page, "Today (first visit, with a message)")
    page.reload()
    problems += audit(page, "Today")

    page.goto(site.url("/accounts/"))
    problems += audit(page, "account settings")
    page.goto(site.url("/accounts/password/"))
    problems += audit(page, "password change")
    page.get_by_role("button", name="Change password").click()
    problems += audit(page, "password change with errors")
    page.goto(site.url("/accounts/recovery-code/new/"))
    problems += audit(page, "recovery code renew")
    page.goto(site.url("/accounts/delete/"))
    problems += audit(page, "delete account")
    page.get_by_role("button", name="Delete everything").click()
    problems += audit(page, "delete account with errors")

    page.goto(site.url("/accounts/no-such-page/"))
    problems += audit(page, "404 while logged in")

    page.goto(site.url("/accounts/delete/"))
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    problems += audit(page, "account deleted")

    assert_clean(problems)


def test_the_locked_out_and_logged_out_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "tove")
    confirm_code_saved(page)
    log_out(page)
    problems += audit(page, "logged out")
    for _ in range(6):
        if page.get_by_role("heading", name="Too many tries").is_visible():
            break
        log_in(page, None, "tove", "a wrong guess")
    expect(page.get_by_role("heading", name="Too many tries")).to_be_visible()
    problems += audit(page, "locked out")
    assert_clean(problems)
