"""Your data's front page links to the export and to every import."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from nearer.conftest import Person

URL = reverse("portability:index")


def test_it_asks_a_visitor_to_log_in(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_links_to_the_export_and_every_import(alice: Person) -> None:
    response = alice.client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    for name in (
        "portability:export",
        "portability:nearer_import",
        "people:import",
        "portability:jrnl",
        "portability:daylio",
    ):
        assert f'href="{reverse(name)}"' in text


def test_it_only_answers_reads(alice: Person) -> None:
    assert alice.client.post(URL).status_code == 405


def test_the_account_page_links_here(alice: Person) -> None:
    page = alice.client.get(reverse("accounts:settings")).content.decode()
    assert f'href="{URL}"' in page
