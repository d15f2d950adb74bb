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
        ("/checkins/", "Check-ins"),
        ("/scales/trends/", "Check-ins"),
        ("/accounts/", "Account"),
    ],
)
def test_it_marks_the_section_of_the_page(alice: Person, address: str, section: str) -> None:
    html = alice.client.get(address, follow=True).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert re.findall(r'aria-current="page">([^<]+)<', nav) == [section]
    for words in ("Today", "Journal", "People", "Opening up", "Check-ins", "Account"):
        assert f">{words}</a>" in nav


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
