"""Journey A (accounts part), B (forgot password) and G (lockout), walked in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    NEW_PASSWORD,
    PASSWORD,
    Site,
    assert_clean,
    audit,
    confirm_code_saved,
    expect_today,
    go_to_account,
    log_in,
    log_out,
    recover_with_code,
    sign_up,
    sign_up_fully,
)

pytestmark = pytest.mark.browser


def test_it_signs_up_keeps_the_code_step_and_logs_in_again(page: Page, site: Site) -> None:
    # nearer.js (allowed by the CSP nonce) preselects the browser's time zone.
    page.goto(site.url("/accounts/signup/"))
    expect(page.locator("select[name='time_zone']")).to_have_value("Europe/London")
    code = sign_up(page, site, "maya")
    expect(page.get_by_text(code)).to_be_visible()

    # The code step cannot be skipped by pressing Continue.
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    expect(page.get_by_text("Please save the code first")).to_be_visible()

    confirm_code_saved(page)
    expect_today(page, "maya")
    expect(page.get_by_text("Your recovery code is saved with you")).to_be_visible()

    log_out(page)
    log_in(page, None, "maya")
    expect_today(page, "maya")


def test_it_says_so_kindly_when_the_password_is_wrong(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "noor")
    log_out(page)
    log_in(page, None, "noor", "not my password at all")
    expect(page.get_by_role("alert")).to_contain_text("don't match")
    expect(page.get_by_label("Username")).to_have_value("noor")


def test_it_returns_to_the_page_asked_for_after_logging_in(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ines")
    log_out(page)
    page.goto(site.url("/accounts/"))
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    log_in(page, None, "ines")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account")


def test_it_recovers_with_the_code_and_retires_the_old_password(page: Page, site: Site) -> None:
    code = sign_up_fully(page, site, "sam")
    log_out(page)

    # A fresh code replaces the used one, and must be saved like the first.
    new_code = recover_with_code(page, "sam", code.lower().replace("-", " "), NEW_PASSWORD)
    assert new_code != code
    confirm_code_saved(page)
    expect_today(page, "sam")
    log_out(page)

    log_in(page, None, "sam", PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("don't match")
    log_in(page, None, "sam", NEW_PASSWORD)
    expect_today(page, "sam")


def test_it_refuses_a_wrong_recovery_code_and_changes_nothing(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "lena")
    log_out(page)
    page.goto(site.url("/accounts/forgot/"))
    page.get_by_label("Username").fill("lena")
    page.get_by_label("Recovery code").fill("0000-0000-0000-0000-0000-0000-0000-0000")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password, again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_text("That code doesn't open this account")).to_be_visible()
    log_in(page, site, "lena", PASSWORD)
    expect_today(page, "lena")


def test_it_pauses_logins_calmly_after_many_wrong_passwords(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "omar")
    log_out(page)
    for _ in range(6):
        if page.get_by_role("heading", name="Too many tries").is_visible():
            break
        log_in(page, None, "omar", "a guess that is wrong")
    expect(page.get_by_role("heading", name="Too many tries")).to_be_visible()
    expect(page.get_by_text("quarter of an hour")).to_be_visible()
    # Even the right password waits out the pause.
    log_in(page, site, "omar", PASSWORD)
    expect(page.get_by_role("heading", name="Too many tries")).to_be_visible()


def test_it_changes_settings_password_and_code_then_deletes_everything(
    page: Page, site: Site
) -> None:
    sign_up_fully(page, site, "ravi")

    go_to_account(page)
    page.get_by_label("What should Nearer call you?").fill("Ravi")
    page.get_by_label("Your time zone").select_option("Asia/Kolkata")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.get_by_label("What should Nearer call you?")).to_have_value("Ravi")
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ravi.")

    go_to_account(page)
    page.get_by_role("link", name="Change your password").click()
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password, again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password is changed.")).to_be_visible()

    page.get_by_role("link", name="Make a new recovery code").click()
    page.get_by_label("Your password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Make a new code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    confirm_code_saved(page)

    go_to_account(page)
    page.get_by_role("link", name="Delete your account and everything in it").click()
    page.get_by_label("Your password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Delete everything").click()
    # Without the confirming tick nothing is deleted.
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    expect(page.get_by_label("I understand")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Your password").fill(NEW_PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is deleted")

    log_in(page, site, "ravi", NEW_PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("don't match")


def test_a_first_visit_is_welcomed_and_the_email_can_be_changed(page: Page, site: Site) -> None:
    page.goto(site.url("/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Nearer")
    expect(page.get_by_role("heading", name="Already here? Log in")).to_be_visible()
    assert_clean(audit(page, "first visit"))
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your private space")

    sign_up_fully(page, site, "wren")
    page.goto(site.url("/accounts/"))
    expect(page.get_by_text("You haven't given an email.")).to_be_visible()
    page.get_by_label("Email (optional)").fill("wren.harbour@example.org")
    page.get_by_role("button", name="Save email").click()
    expect(page.get_by_text("Your email is saved.")).to_be_visible()
    expect(page.locator("#email")).to_contain_text(
        "Your email is wren.harbour@example.org, not confirmed yet"
    )
    assert_clean(audit(page, "account with an email"))
    page.get_by_role("button", name="Remove your email").click()
    expect(page.get_by_text("Your email is removed.")).to_be_visible()
    expect(page.get_by_text("You haven't given an email.")).to_be_visible()
