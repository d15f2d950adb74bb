"""The second factor in a real browser: turn the app on, log out, log in with a code,
then with a backup code, turn it off; every page checked with axe as it is reached."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    expect_today,
    log_in,
    log_out,
    sign_up_fully,
)
from nearer.tests.browser.second_factor_helpers import (
    code_in,
    open_second_step_page,
    shown_backup_codes,
    shown_secret,
    type_code,
)

pytestmark = pytest.mark.browser


def test_it_turns_the_app_on_logs_in_with_codes_and_turns_it_off(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up_fully(page, site, "tova")
    open_second_step_page(page, site)
    problems += audit(page, "second step, off")

    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(page.get_by_role("img", name="QR code for setting up Nearer")).to_be_visible()
    problems += audit(page, "set up the app")
    secret = shown_secret(page)
    page.get_by_label("Code from your app").fill(
        "000000" if code_in(secret, 0) != "000000" else "111111"
    )
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("That code didn't work")).to_be_visible()
    problems += audit(page, "set up the app, wrong code")
    assert shown_secret(page) == secret  # the same key, so the app already added still works
    page.get_by_label("Code from your app").fill(code_in(secret, 0))
    page.get_by_role("button", name="Turn on").click()
    codes = shown_backup_codes(page)
    problems += audit(page, "backup codes")
    page.get_by_role("link", name="I've kept them").click()
    expect(page.get_by_text("Backup codes left: 10 of 10")).to_be_visible()
    problems += audit(page, "second step, on")

    log_out(page)
    log_in(page, None, "tova")
    expect(page.get_by_role("heading", level=1)).to_have_text("One more step")
    # Nothing else opens between the two steps: Today sends back to the login.
    page.goto(site.url("/"))
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    page.go_back()
    problems += audit(page, "the code step")
    type_code(page, "12345")
    expect(page.get_by_text("That code didn't work")).to_be_visible()
    problems += audit(page, "the code step, wrong code")
    page.get_by_label("Code", exact=True).fill(code_in(secret, 1))
    page.get_by_role("button", name="Log in").click()
    expect_today(page, "tova")

    log_out(page)
    log_in(page, None, "tova")
    type_code(page, codes[0])
    expect_today(page, "tova")

    open_second_step_page(page, site)
    expect(page.get_by_text("Backup codes left: 9 of 10")).to_be_visible()
    page.get_by_role("link", name="Turn the second step off").click()
    problems += audit(page, "turn the second step off")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Code from your app, or a backup code").fill(codes[0])
    page.get_by_role("button", name="Turn off").click()
    expect(page.get_by_text("That code didn't work")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Code from your app, or a backup code").fill(codes[1])
    page.get_by_role("button", name="Turn off").click()
    expect(page.get_by_text("The second step is off")).to_be_visible()

    log_out(page)
    log_in(page, None, "tova")
    expect_today(page, "tova")
    assert_clean(problems)
