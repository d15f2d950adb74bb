"""Browser steps for the second factor: turn the app on, read codes, type a code."""

from __future__ import annotations

import re
import time

import pyotp
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site


def code_in(secret: str, steps: int) -> str:
    """The app's code ``steps`` 30-second steps from now (computed as a phone would)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def open_second_step_page(page: Page, site: Site) -> None:
    page.goto(site.url("/accounts/security/"))
    page.get_by_role("link", name="Second step at login").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Second step at login")


def shown_secret(page: Page) -> str:
    return "".join(page.locator("#totp-secret").inner_text().split())


def shown_backup_codes(page: Page) -> list[str]:
    codes = [c.strip() for c in page.locator("#backup-codes code").all_inner_texts()]
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]{5}-[a-z0-9]{5}", c) for c in codes)
    return codes


def turn_on(page: Page, site: Site) -> tuple[str, list[str]]:
    """Set the app up through the pages; return the secret and the backup codes shown."""
    open_second_step_page(page, site)
    page.get_by_role("button", name="Set up an authenticator app").click()
    secret = shown_secret(page)
    page.get_by_label("Code from your app").fill(code_in(secret, 0))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    return secret, shown_backup_codes(page)


def type_code(page: Page, code: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("One more step")
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_role("button", name="Log in").click()
