"""Journey F: everything works with JavaScript switched off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, expect_today, log_in, log_out, sign_up_fully

pytestmark = pytest.mark.browser


def test_it_signs_up_logs_out_and_in_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    # nearer.js would fill in the time zone; here it never runs, and sign-up still works.
    page.goto(site.url("/accounts/signup/"))
    assert page.locator("input[name='time_zone']").input_value() == ""
    sign_up_fully(page, site, "jo")
    log_out(page)
    log_in(page, None, "jo")
    expect_today(page, "jo")
    expect(page.get_by_role("link", name="Journal")).to_be_visible()
