"""Journey A (journal part) and B (recovery keeps the journal): write, find, edit, delete."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    NEW_PASSWORD,
    Site,
    confirm_code_saved,
    expect_entry,
    log_in,
    log_out,
    recover_with_code,
    search_for,
    sign_up_fully,
    write_entry,
)

pytestmark = pytest.mark.browser

TITLE = "The long walk home"
BODY = "We talked about the winter we moved house, and I finally said how lonely it felt."


def test_it_writes_finds_edits_and_deletes_an_entry(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "mira")
    write_entry(page, title=TITLE, body=BODY, tags="walks, family")
    expect(page.get_by_text("Saved.")).to_be_visible()
    log_out(page)

    log_in(page, None, "mira")
    search_for(page, "LONELY winter")
    results = page.get_by_role("region", name="1 entry found")
    expect(results).to_be_visible()
    expect(results.locator("mark")).to_have_count(1)
    results.get_by_role("link", name=TITLE).click()
    expect_entry(page, title=TITLE, body=BODY)

    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit entry")
    expect(page.get_by_label("Your words")).to_have_value(BODY)
    page.get_by_label("Your words").fill(BODY + "\n\nIt felt lighter afterwards.")
    page.get_by_label("Tags (optional)").fill("walks")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("article")).to_contain_text("It felt lighter afterwards.")
    expect(page.get_by_role("button", name="Entries tagged walks")).to_be_visible()
    expect(page.get_by_role("button", name="Entries tagged family")).to_have_count(0)

    # A tag leads to its entries.
    page.get_by_role("button", name="Entries tagged walks").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_role("link", name=TITLE).click()

    page.get_by_role("link", name="Delete", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this entry?")
    # "Keep it" changes nothing.
    page.get_by_role("link", name="Keep it").click()
    expect_entry(page, title=TITLE, body=BODY)
    page.get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)

    search_for(page, "lonely")
    expect(page.get_by_role("heading", name="Nothing found")).to_be_visible()


def test_recovery_with_the_code_keeps_the_journal_readable(page: Page, site: Site) -> None:
    code = sign_up_fully(page, site, "theo")
    write_entry(page, title=TITLE, body=BODY)
    entry_url = page.url
    log_out(page)

    new_code = recover_with_code(page, "theo", code, NEW_PASSWORD)
    assert new_code != code
    confirm_code_saved(page)

    # Today lists it, and it opens with the new password's key.
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.goto(entry_url)
    expect_entry(page, title=TITLE, body=BODY)

    log_out(page)
    log_in(page, None, "theo")  # the old password
    expect(page.get_by_role("alert")).to_contain_text("don't match")
    log_in(page, None, "theo", NEW_PASSWORD)
    page.goto(entry_url)
    expect_entry(page, title=TITLE, body=BODY)
    search_for(page, "lonely")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


def test_back_and_reload_after_a_search_show_the_results_again(page: Page, site: Site) -> None:
    # A POST's answer would make Back and reload ask to send the form again (Chromium
    # shows ERR_CACHE_MISS): the search answers 303 and its results have their own URL.
    sign_up_fully(page, site, "ines")
    write_entry(page, title=TITLE, body=BODY)
    search_for(page, "lonely")
    results_url = page.url
    assert re.search(r"/journal/search/[0-9a-f]{32}/$", results_url), results_url
    assert "lonely" not in results_url
    results = page.get_by_role("region", name="1 entry found")
    expect(results).to_be_visible()
    results.get_by_role("link", name=TITLE).click()
    expect_entry(page, title=TITLE, body=BODY)

    page.go_back()
    expect(page).to_have_url(results_url)
    expect(page.get_by_role("region", name="1 entry found")).to_be_visible()
    expect(page.get_by_label("Words to look for")).to_have_value("lonely")
    page.reload()
    expect(page.get_by_role("region", name="1 entry found")).to_be_visible()

    # Another search's id (or one put away after an hour) is a calm page to search again.
    page.goto(site.url("/journal/search/" + "0" * 32 + "/"))
    expect(page.get_by_text("Search again below.")).to_be_visible()
    expect(page.get_by_label("Words to look for")).to_be_visible()
