"""Journey: import a Daylio export (preview, a custom mood mapped, notes to the journal,
confirm, the check-ins and journal show them), with axe on each page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[2] / "portability" / "tests" / "fixtures" / "daylio.csv"


def test_it_imports_a_daylio_export_with_a_mood_mapped(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "dara")
    page.goto(site.url("/your-data/"))
    page.get_by_role("link", name="Daylio", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from Daylio")
    assert_clean(audit(page, "Daylio upload"))

    page.get_by_label("Daylio export (.csv)").set_input_files(FIXTURE)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    moods = page.get_by_role("region", name="How each mood felt")
    expect(moods.get_by_label("rad")).to_have_value("2")
    sleepy = moods.get_by_label("sleepy")
    expect(sleepy).to_have_value("0")
    expect(moods).to_contain_text("your own mood: please check")
    assert_clean(audit(page, "Daylio preview"))

    sleepy.select_option(label="Very unpleasant")
    page.get_by_role("group", name="Where notes go").get_by_label(
        "As a journal entry of that day"
    ).check()
    page.get_by_role("button", name="Import 6 check-ins").click()
    expect(
        page.get_by_text("Import done: 6 check-ins added, and 4 journal entries.")
    ).to_be_visible()

    page.goto(site.url("/checkins/2024/3/15/"))
    # The custom mood as mapped, and rad as Daylio's best.
    expect(page.get_by_role("heading", name="Sad at 08:05")).to_be_visible()
    expect(page.get_by_role("heading", name="Joyful at 21:40")).to_be_visible()
    joyful = page.get_by_role("listitem").filter(has_text="Joyful at 21:40")
    expect(joyful).to_contain_text("friends")
    expect(joyful).to_contain_text("walk")
    page.goto(site.url("/journal/2024/3/"))
    expect(page.get_by_role("link", name="River path")).to_be_visible()
    assert_clean(audit(page, "the journal after a Daylio import"))


def test_cancelling_saves_nothing(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "ezio")
    page.goto(site.url("/your-data/daylio/"))
    page.get_by_label("Daylio export (.csv)").set_input_files(FIXTURE)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("button", name="Cancel import").click()
    expect(page.get_by_text("Import cancelled. Nothing was saved.")).to_be_visible()
    page.goto(site.url("/checkins/2024/3/15/"))
    expect(page.get_by_role("heading", name="Joyful at 21:40")).to_have_count(0)
