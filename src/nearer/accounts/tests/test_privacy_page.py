"""The privacy page: public, plain words, linked from every page's footer."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import Person


def test_anyone_can_read_it(db: None) -> None:
    page = Client().get("/privacy/")
    assert page.status_code == 200
    text = page.content.decode()
    for heading in (
        "Sealed: only you can open it",
        "Kept in the clear",
        "What the person who runs this Nearer can see",
        "How deleting works",
    ):
        assert heading in text


def test_every_page_links_it_from_the_footer(alice: Person) -> None:
    for url in ("/", "/accounts/", "/people/", "/accounts/security/"):
        assert 'href="/privacy/"' in alice.client.get(url).content.decode(), url
    assert 'href="/privacy/"' in Client().get("/accounts/login/").content.decode()


def test_a_logged_in_person_is_pointed_to_their_sessions(alice: Person) -> None:
    assert 'href="/accounts/security/"' in alice.client.get("/privacy/").content.decode()
