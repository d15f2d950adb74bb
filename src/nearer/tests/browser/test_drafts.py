"""Journey C: nothing typed is lost — across a timed-out session, and across leaving a form."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.accounts.models import AccountSession as Session
from nearer.accounts.models import User
from nearer.journal.models import Entry
from nearer.tests.browser.helpers import (
    Site,
    expect_entry,
    fill_entry,
    log_in,
    open_new_entry,
    search_for,
    sign_up_fully,
)

pytestmark = pytest.mark.browser

TITLE = "Half a thought"
BODY = "I keep meaning to tell my sister that I miss the way we used to cook together."


def test_a_half_written_entry_survives_a_timed_out_session(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ruth")
    open_new_entry(page)
    fill_entry(page, title=TITLE, body=BODY, tags="sister")

    # The session times out while the person is still writing.
    Session.objects.all().delete()
    page.get_by_role("button", name="Save", exact=True).click()

    back_to_form = r"/accounts/login/\?next=(/|%2F)journal(/|%2F)new(/|%2F)"
    expect(page).to_have_url(re.compile(back_to_form))
    expect(page.get_by_role("status")).to_contain_text("anything you were writing is kept")
    log_in(page, None, "ruth")

    # Back on the form, the words come back and are saved without a second press.
    expect_entry(page, title=TITLE, body=BODY)
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.get_by_role("button", name="Entries tagged sister")).to_be_visible()
    owner = User.objects.get(username="ruth")
    assert Entry.objects.filter(owner=owner).count() == 1

    # Saved once, and readable like any other entry.
    search_for(page, "cook together")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    # The kept draft is gone once saved: a new form starts empty.
    open_new_entry(page)
    expect(page.get_by_label("Your words")).to_have_value("")


def test_a_draft_comes_back_after_leaving_the_form(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ezra")
    open_new_entry(page)
    fill_entry(page, title=TITLE, body=BODY)
    page.get_by_role("link", name="Today", exact=True).click()
    today = page.get_by_role("link", name="Today", exact=True)
    expect(today).to_have_attribute("aria-current", "page")

    open_new_entry(page)
    expect(page.get_by_label("Title (optional)")).to_have_value(TITLE)
    expect(page.get_by_label("Your words")).to_have_value(BODY)
    kept = page.get_by_role("status").filter(has_text="We kept what you were writing")
    expect(kept).to_be_visible()
    # Nothing was sent: only this tab holds the words.
    assert Entry.objects.count() == 0

    # The person may throw the draft away.
    page.get_by_role("button", name="Discard it").click()
    expect(page.get_by_label("Your words")).to_have_value("")
    expect(page.get_by_label("Title (optional)")).to_be_focused()
    page.reload()
    expect(page.get_by_label("Your words")).to_have_value("")


def test_an_edit_in_progress_comes_back_after_leaving(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ivo")
    open_new_entry(page)
    fill_entry(page, title=TITLE, body=BODY)
    page.get_by_role("button", name="Save", exact=True).click()
    expect_entry(page, title=TITLE, body=BODY)

    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Your words").fill(BODY + " Maybe on Sunday.")
    page.go_back()
    expect_entry(page, title=TITLE, body=BODY)
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.get_by_label("Your words")).to_have_value(BODY + " Maybe on Sunday.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("article")).to_contain_text("Maybe on Sunday.")


def test_a_draft_survives_a_dropped_connection(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "nina")
    open_new_entry(page)
    fill_entry(page, title=TITLE, body=BODY)

    page.context.set_offline(True)
    page.get_by_role("button", name="Save", exact=True).click()
    # Offline, the form stays (no error page) and says its words are kept.
    expect(page.get_by_role("status").filter(has_text="You're offline.")).to_be_visible()
    expect(page.get_by_label("Your words")).to_have_value(BODY)
    assert Entry.objects.count() == 0
    page.context.set_offline(False)

    # Back online, the save that never arrived is made, once.
    expect_entry(page, title=TITLE, body=BODY)
    expect(page.get_by_text("Saved.")).to_be_visible()
    assert Entry.objects.count() == 1
