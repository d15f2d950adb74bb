"""Journey: import a phone's contacts with a duplicate and a broken card; axe on each page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, assert_clean, audit, sign_up_fully

pytestmark = pytest.mark.browser

CONTACTS = (
    "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "FN:Maya Lindqvist",
            "NICKNAME:May",
            "BDAY:--0412",
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:3.0",
            "TEL;TYPE=CELL:+46 70 000 00 00",
            "not a vCard line",
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:4.0",
            "FN:Jonas Berg",
            "BDAY:1988-09-30",
            "NOTE:From the choir",
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:Müller;Zoë;;;",
            "END:VCARD",
        ]
    )
    + "\r\n"
)


def add_maya(page: Page, site: Site) -> None:
    page.goto(site.url("/people/new/"))
    page.get_by_label("Name", exact=True).fill("maya lindqvist")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("maya lindqvist")


def test_it_imports_with_a_merge_and_shows_what_could_not_be_read(
    page: Page, site: Site, tmp_path: Path
) -> None:
    sign_up_fully(page, site, "ines")
    add_maya(page, site)

    page.goto(site.url("/people/"))
    page.get_by_role("link", name="Import from your phone's contacts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from a phone")
    assert_clean(audit(page, "import upload"))

    # Sending without a file says what is missing, and the page stays clean.
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("Please choose a contacts file (.vcf).")).to_be_visible()
    assert_clean(audit(page, "import upload with an error"))

    contacts = tmp_path / "contacts.vcf"
    contacts.write_text(CONTACTS, encoding="utf-8")
    page.get_by_label("Contacts file (.vcf)").set_input_files(contacts)
    page.get_by_role("button", name="Read the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    new = page.get_by_role("region", name="New people")
    expect(new.get_by_role("listitem")).to_have_text(["Jonas Berg", "Zoë Müller"])
    duplicate = page.get_by_role("group", name="Card 1: Maya Lindqvist looks like")
    expect(duplicate).to_contain_text("maya lindqvist")
    expect(duplicate.get_by_role("radio", name="Skip this card")).to_be_checked()
    problems = page.get_by_role("region", name="Not read, or read in part")
    expect(problems).to_contain_text("Card 2: it has no name")
    expect(problems).not_to_contain_text("+46")
    assert_clean(audit(page, "import preview"))

    duplicate.get_by_role("radio", name="Merge into maya lindqvist").check()
    page.get_by_role("group", name="Circle for everyone new").get_by_role(
        "radio", name="Close"
    ).check()
    page.get_by_role("button", name="Import", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    expect(
        page.get_by_text(
            "Import done: 2 people added, 1 person merged, 0 skipped, 1 could not be read."
        )
    ).to_be_visible()
    close = page.get_by_role("region", name="Close")
    expect(close.get_by_role("link", name="Jonas Berg")).to_be_visible()
    expect(close.get_by_role("link", name="Zoë Müller")).to_be_visible()
    # Merged, not added twice: the person already there now has the card's nickname.
    expect(page.get_by_role("link", name="maya lindqvist")).to_have_count(0)
    expect(page.get_by_role("link", name="May")).to_have_count(1)


def test_cancelling_saves_nothing(page: Page, site: Site, tmp_path: Path) -> None:
    sign_up_fully(page, site, "omar")
    contacts = tmp_path / "contacts.vcf"
    contacts.write_text(CONTACTS, encoding="utf-8")
    page.goto(site.url("/people/import/"))
    page.get_by_label("Contacts file (.vcf)").set_input_files(contacts)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("button", name="Cancel import").click()
    expect(page.get_by_text("Import cancelled. Nothing was saved.")).to_be_visible()
    assert_clean(audit(page, "import upload after cancelling"))
    page.goto(site.url("/people/"))
    expect(page.get_by_role("link", name="Jonas Berg")).to_have_count(0)
