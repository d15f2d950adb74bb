"""Journey: Nearer installed as an app and used offline.

The manifest and its icons as a browser fetches them, the service worker registered
for the whole site, the offline page shown with the network cut (and a person's pages
never kept), a check-in and a journal entry typed offline and sent once the network is
back; pages gzipped; robots.txt; a meta description on each public page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from nearer.accounts.models import User
from nearer.checkins.models import CheckIn
from nearer.journal.models import Entry
from nearer.tests.browser.helpers import (
    Site,
    assert_clean,
    audit,
    fill_entry,
    open_new_entry,
    sign_up_fully,
)
from nearer.tests.browser.test_checkin_journey import _check_in_from_today

pytestmark = pytest.mark.browser

KEPT_NOTE = "You're offline. What you wrote is kept on this device"


def _worker_in_control(page: Page) -> str:
    """Wait until the service worker controls the page; return its scope."""
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert isinstance(scope, str)
    return scope


def test_the_manifest_is_valid_and_its_icons_are_there(page: Page, site: Site) -> None:
    page.goto(site.url("/accounts/login/"))
    href = page.locator("link[rel='manifest']").get_attribute("href")
    assert href == "/manifest.webmanifest"
    response = page.request.get(site.url(href))
    assert response.ok and response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    purposes = set()
    for icon in manifest["icons"]:
        got = page.request.get(site.url(icon["src"]))
        assert got.ok, icon["src"]
        assert got.headers["content-type"] == icon["type"]
        purposes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    touch = page.locator("link[rel='apple-touch-icon']").get_attribute("href")
    assert touch is not None and page.request.get(site.url(touch)).ok


def test_offline_the_offline_page_shows_and_no_private_page_is_kept(
    page: Page, context: BrowserContext, site: Site
) -> None:
    sign_up_fully(page, site, "ingrid")
    assert _worker_in_control(page) == site.url("/")
    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    context.set_offline(True)
    page.goto(site.url("/people/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline for now")
    # The help page was kept as anyone logged out sees it: it opens without a network.
    page.get_by_role("link", name="Get help now").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    context.set_offline(False)

    # What the worker keeps: static files, the offline page and the help page. None of
    # the pages just visited (Today, the journal) is among them.
    kept = page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) { urls.push(new URL(request.url).pathname); }
          }
          return urls;
        }"""
    )
    assert "/offline/" in kept and "/help/" in kept
    others = [url for url in kept if url not in ("/offline/", "/help/")]
    assert others and all(url.startswith("/static/nearer/") for url in others), kept


def test_a_check_in_made_offline_is_sent_when_the_network_is_back(
    page: Page, context: BrowserContext, site: Site
) -> None:
    sign_up_fully(page, site, "solveig")
    _worker_in_control(page)
    _check_in_from_today(page, "pleasant, low energy", "Calm")
    page.get_by_label("A note (optional)").fill("Tea by the window while the train was late.")
    step = page.url

    context.set_offline(True)
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=KEPT_NOTE)).to_be_visible()
    assert page.url == step
    assert not CheckIn.objects.exists()

    context.set_offline(False)
    calm = page.get_by_role("heading", name=re.compile("Calm"))
    expect(page.get_by_role("listitem").filter(has=calm)).to_contain_text("the train was late")
    assert CheckIn.objects.filter(owner=User.objects.get(username="solveig")).count() == 1


def test_a_journal_entry_written_offline_is_saved_when_the_network_is_back(
    page: Page, context: BrowserContext, site: Site
) -> None:
    sign_up_fully(page, site, "halvard")
    open_new_entry(page)
    fill_entry(page, title="Written on the ferry", body="No signal out here, only gulls.")
    context.set_offline(True)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=KEPT_NOTE)).to_be_visible()
    assert not Entry.objects.exists()
    assert_clean(audit(page, "an entry kept offline"))

    context.set_offline(False)
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Written on the ferry")).to_be_visible()
    assert Entry.objects.filter(owner=User.objects.get(username="halvard")).count() == 1


def test_another_form_pressed_offline_is_not_sent_and_says_so(
    page: Page, context: BrowserContext, site: Site
) -> None:
    sign_up_fully(page, site, "tove")
    page.goto(site.url("/accounts/"))
    context.set_offline(True)
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(
        page.get_by_role("status").filter(has_text="You're offline, so this wasn't sent")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("You're offline for now")
    context.set_offline(False)


def test_pages_are_gzipped_for_a_browser_that_accepts_it(page: Page, site: Site) -> None:
    response = page.request.get(site.url("/accounts/login/"), headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    # Playwright unpacks the body as a browser does: the page reads as sent.
    assert "<h1>Welcome to Nearer</h1>" in response.text()


def test_robots_txt_keeps_search_engines_out(page: Page, site: Site) -> None:
    response = page.request.get(site.url("/robots.txt"))
    assert response.ok
    assert "User-agent: *\nDisallow: /\n" in response.text()
    assert response.headers["x-robots-tag"] == "noindex, nofollow"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/accounts/login/", "Log in to Nearer"),
        ("/accounts/signup/", "Create your own space in Nearer"),
        ("/privacy/", "How Nearer keeps what you write private"),
        ("/help/", "Help lines you can call or message now"),
    ],
)
def test_each_public_page_has_a_description_of_its_own(
    page: Page, site: Site, path: str, words: str
) -> None:
    page.goto(site.url(path))
    description = page.locator("meta[name='description']")
    expect(description).to_have_count(1)
    assert (description.get_attribute("content") or "").startswith(words)
