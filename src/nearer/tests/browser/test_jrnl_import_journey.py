"""Journey: import a jrnl journal (preview, confirm, the journal shows it), then the same
file again (nothing new), with axe on each page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[2] / "portability" / "tests" / "fixtures" / "journal.txt"


def test_it_imports_a_jrnl_journal_once(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "juno")
    page.goto(site.url("/your-data/"))
    page.get_by_role("link", name="jrnl", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from jrnl")
    assert_clean(audit(page, "jrnl upload"))

    page.get_by_role("button", name="Read the file").click()
    expect(
        page.get_by_text("Please choose your jrnl journal file or its JSON export.")
    ).to_be_visible()
    assert_clean(audit(page, "jrnl upload with an error"))

    page.get_by_label("jrnl journal or JSON export").set_input_files(FIXTURE)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    new = page.get_by_role("region", name="New entries")
    expect(new.get_by_role("row")).to_have_count(4)
    expect(new).to_contain_text("Long walk with @Sam")
    expect(new).to_contain_text("Sam, work, starred")
    assert_clean(audit(page, "jrnl preview"))

    page.get_by_role("button", name="Import 3 entries").click()
    expect(page.get_by_text("Import done: 3 entries added to your journal.")).to_be_visible()
    page.goto(site.url("/journal/2024/3/"))
    expect(page.get_by_role("link", name="Long walk with @Sam")).to_be_visible()
    expect(page.get_by_role("link", name="Quiet morning by the window.")).to_be_visible()

    # The same file again: everything is already there, so nothing is offered.
    page.goto(site.url("/your-data/jrnl/"))
    page.get_by_label("jrnl journal or JSON export").set_input_files(FIXTURE)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("Nothing new in this file")).to_be_visible()
    expect(page.get_by_role("button", name="Import 3 entries")).to_have_count(0)
    assert_clean(audit(page, "jrnl preview, nothing new"))
    page.get_by_role("button", name="Cancel import").click()
    expect(page.get_by_text("Import cancelled. Nothing was saved.")).to_be_visible()
