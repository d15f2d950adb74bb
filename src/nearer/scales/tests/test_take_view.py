"""Taking a scale: one page per scale, every item a radio group in a fieldset."""

from __future__ import annotations

from django.test import Client, override_settings

from nearer.conftest import Person


def test_it_shows_every_item_as_a_fieldset_of_radios(alice: Person) -> None:
    html = alice.client.get("/scales/who5/").content.decode()
    assert html.count("<fieldset") == 5
    assert html.count('type="radio"') == 30
    assert "<legend" in html and "Over the last two weeks" in html
    assert "I woke up feeling fresh and rested" in html
    assert " checked" not in html


def test_an_unknown_or_turned_off_scale_is_a_404(alice: Person) -> None:
    assert alice.client.get("/scales/phq9/").status_code == 404
    with override_settings(SCALES_PSS4=False):
        assert alice.client.get("/scales/pss4/").status_code == 404


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/scales/ucla3/")
    assert response.status_code == 302
