"""Journey: from the Account page to Your data, export everything (the password asked
again, then a plain and an encrypted zip downloaded), and import that export into a
new account (preview, confirm; the same file again offers nothing), with axe on each
page at 360 and 1280 px, light and dark."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import pyzipper
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    log_out,
    sign_up_fully,
    write_entry,
)

pytestmark = pytest.mark.browser

TITLE = "Evening by the estuary"
BODY = "Herons, and the tide coming in slowly."
PASSPHRASE = "lantern orchard quietly"


def _download(page: Page, tmp_path: Path, name: str) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the zip").click()
    download = info.value
    assert download.suggested_filename.startswith("nearer-export-")
    target = tmp_path / name
    download.save_as(target)
    return target


def test_it_exports_everything_and_brings_it_into_a_new_account(
    page: Page, site: Site, tmp_path: Path
) -> None:
    sign_up_fully(page, site, "wren")
    write_entry(page, title=TITLE, body=BODY, tags="estuary")

    page.goto(site.url("/accounts/"))
    page.get_by_role("link", name="Export everything, or import from another app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    assert_clean(audit(page, "your data"))
    page.get_by_role("link", name="Export everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Export everything")
    expect(page.get_by_role("region", name="What will be gathered")).to_contain_text(
        "1 journal entry"
    )
    assert_clean(audit(page, "export"))

    # The password is asked again; a wrong one exports nothing.
    page.get_by_label("Your password").fill("not my password at all")
    page.get_by_role("button", name="Download the zip").click()
    expect(page.get_by_text("That is not your password. Nothing was exported.")).to_be_visible()
    assert_clean(audit(page, "export with an error"))

    page.get_by_label("Your password").fill(PASSWORD)
    plain = _download(page, tmp_path, "plain.zip")
    with zipfile.ZipFile(plain) as archive:
        doc = json.loads(archive.read("nearer-export.json"))
        markdown = [n for n in archive.namelist() if n.startswith("journal/")]
        assert BODY in archive.read(markdown[0]).decode()
    assert [e["title"] for e in doc["journal"]] == [TITLE]

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Passphrase for the zip").fill(PASSPHRASE)
    page.get_by_label("The passphrase again").fill(PASSPHRASE)
    sealed = _download(page, tmp_path, "sealed.zip")
    assert TITLE.encode() not in sealed.read_bytes()
    with pyzipper.AESZipFile(io.BytesIO(sealed.read_bytes())) as archive:
        archive.setpassword(PASSPHRASE.encode())
        inner = archive.read("nearer-export.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        assert TITLE in archive.read("nearer-export.json").decode()

    # A new account brings the encrypted export in.
    log_out(page)
    sign_up_fully(page, site, "plover")
    page.goto(site.url("/your-data/"))
    page.get_by_role("link", name="A Nearer export").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a Nearer export")
    assert_clean(audit(page, "nearer import upload"))
    page.get_by_label("Nearer export (zip or JSON)").set_input_files(sealed)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("This export is encrypted. Please give the passphrase")).to_be_visible()
    assert_clean(audit(page, "nearer import upload with an error"))
    page.get_by_label("Nearer export (zip or JSON)").set_input_files(sealed)
    page.get_by_label("Passphrase (for an encrypted zip)").fill(PASSPHRASE)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    expect(page.get_by_role("row", name="journal entries 1 0")).to_be_visible()
    assert_clean(audit(page, "nearer import preview"))
    page.get_by_role("button", name="Import 1 new item").click()
    expect(page.get_by_text("Import done: 1 item added.")).to_be_visible()
    page.goto(site.url("/journal/"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # The same file again: nothing new to add.
    page.goto(site.url("/your-data/nearer/"))
    page.get_by_label("Nearer export (zip or JSON)").set_input_files(plain)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("Nothing new in this file")).to_be_visible()
    assert_clean(audit(page, "nearer import preview, nothing new"))
    page.get_by_role("button", name="Cancel import").click()
    expect(page.get_by_text("Import cancelled. Nothing was saved.")).to_be_visible()
