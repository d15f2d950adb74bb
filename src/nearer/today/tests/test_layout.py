"""The layout every page shares: its navigation, help link and style sheets."""

from __future__ import annotations

import re

import pytest

from nearer.conftest import Person


@pytest.mark.parametrize(
    ("address", "section"),
    [
        ("/", "Today"),
        ("/journal/", "Journal"),
        ("/people/", "People"),
        ("/moments/drifting/", "People"),
        ("/opening-up/", "Opening up"),
        ("/opening-up/summary/", "Opening up"),
        ("/cards/", "Opening up"),
        ("/checkins/", "Feelings"),
        ("/scales/trends/", "Feelings"),
        ("/insights/", "Insights"),
        ("/together/", "Insights"),
    ],
)
def test_it_marks_the_section_of_the_page(alice: Person, address: str, section: str) -> None:
    html = alice.client.get(address, follow=True).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    names = re.findall(r'aria-current="page">.*?<span class="nav-(?:words|long)">([^<]+)<', nav)
    assert names == [section]
    for words in ("Today", "Journal", "People", "Feelings", "Opening up", "Insights"):
        assert f">{words}</span>" in nav
    # Every section has one of our icons, hidden from screen readers (the words speak).
    assert nav.count('<svg class="icon" aria-hidden="true" focusable="false"><use href=') == 6


INSIGHTS = ["Patterns", "Balance", "Year in pixels", "Together"]


@pytest.mark.parametrize(
    ("address", "pages", "current"),
    [
        ("/checkins/", ["Check-ins", "Scales"], "Check-ins"),
        ("/scales/", ["Check-ins", "Scales"], "Scales"),
        ("/insights/balance/", INSIGHTS, "Balance"),
        ("/together/", INSIGHTS, "Together"),
        ("/moments/", ["People", "Moments"], "Moments"),
        ("/scales/who5/", ["Check-ins", "Scales"], "Scales"),
        ("/checkins/new/", ["Check-ins", "Scales"], "Check-ins"),
    ],
)
def test_a_grouped_section_lists_its_pages(
    alice: Person, address: str, pages: list[str], current: str
) -> None:
    html = alice.client.get(address).content.decode()
    row = html[html.index('<nav class="section-nav"') :]
    row = row[: row.index("</nav>")]
    assert re.findall(r">([^<>]+)</a>", row) == pages
    assert re.findall(r'aria-current="page">([^<]+)<', row) == [current]


def test_a_page_of_its_own_section_has_no_section_row(alice: Person) -> None:
    assert 'class="section-nav"' not in alice.client.get("/journal/", follow=True).content.decode()


def test_the_account_menu_holds_the_account_page_and_log_out(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    menu = html[html.index('<details class="account-menu">') : html.index("</details>")]
    assert ">Account</summary>" in menu
    assert 'href="/accounts/"' in menu
    assert 'action="/accounts/logout/"' in menu and "Log out</button>" in menu
    # One way to log out per page: the menu's.
    assert html.count("Log out</button>") == 1
    on_account = alice.client.get("/accounts/").content.decode()
    assert '<summary class="is-current">' in on_account
    assert 'href="/accounts/" aria-current="page"' in on_account


def test_it_offers_help_and_one_style_sheet_on_every_page(alice: Person) -> None:
    for html in (
        alice.client.get("/people/").content.decode(),
        alice.client.get("/no/such/page/").content.decode(),
        alice.client.get("/cards/").content.decode(),
        alice.client.get("/insights/balance/").content.decode(),
    ):
        assert '<a class="help-link" href="/help/">Get help now</a>' in html
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
        assert len(sheets) == 1
        assert re.fullmatch(r"/static/nearer/nearer[.\w]*css", sheets[0])
        assert re.search(r'<script src="/static/nearer/nearer[.\w]*js" nonce="[^"]+" defer>', html)


def test_it_shows_no_navigation_to_someone_logged_out(db: None) -> None:
    from django.test import Client

    html = Client().get("/help/").content.decode()
    assert "Get help now" in html
    assert 'class="site-nav"' not in html
    assert "Log out" not in html
