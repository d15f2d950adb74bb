"""Passkeys in Chromium with a virtual authenticator (the DevTools WebAuthn domain):
add one, named; sign in with it at the second step; remove it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    Site,
    assert_clean,
    audit,
    expect_today,
    log_in,
    log_out,
    sign_up_fully,
    virtual_authenticator,
)
from nearer.tests.browser.second_factor_helpers import open_second_step_page, turn_on

pytestmark = pytest.mark.browser


def test_it_adds_a_passkey_signs_in_with_it_and_removes_it(page: Page, site: Site) -> None:
    virtual_authenticator(page)
    problems: list[str] = []
    sign_up_fully(page, site, "pia")
    turn_on(page, site)
    open_second_step_page(page, site)
    problems += audit(page, "second step with passkeys")
    page.get_by_label("A name for this passkey").fill("Kitchen laptop passkeyname")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_text("The passkey is added")).to_be_visible()
    expect(page.get_by_text("Kitchen laptop passkeyname")).to_be_visible()
    problems += audit(page, "second step, a passkey added")

    log_out(page)
    log_in(page, None, "pia")
    expect(page.get_by_role("heading", level=1)).to_have_text("One more step")
    problems += audit(page, "the code step with a passkey")
    page.get_by_role("button", name="Use a passkey").click()
    expect_today(page, "pia")

    open_second_step_page(page, site)
    page.get_by_role("button", name="Remove the passkey Kitchen laptop passkeyname").click()
    expect(page.get_by_text("The passkey is removed")).to_be_visible()
    expect(page.get_by_text("No passkeys yet.")).to_be_visible()
    log_out(page)
    log_in(page, None, "pia")
    expect(page.get_by_role("button", name="Use a passkey")).to_have_count(0)
    assert_clean(problems)
