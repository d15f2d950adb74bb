"""PrivateResponseMiddleware: no page is kept by a cache."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import Person


def test_it_marks_logged_in_pages_no_store(alice: Person) -> None:
    response = alice.client.get("/accounts/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_it_marks_public_pages_no_store_too(db: None) -> None:
    response = Client().get("/accounts/login/")
    assert "no-store" in response["Cache-Control"]


def test_it_marks_redirects_no_store(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
