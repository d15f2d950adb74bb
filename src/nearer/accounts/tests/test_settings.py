"""The account page: preferences sealed under the vault."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.vault.models import Keyring


def test_it_shows_the_preferences_form_and_the_key_links(alice: Person) -> None:
    response = alice.client.get("/accounts/")
    assert response.status_code == 200
    assert b"What should Nearer call you?" in response.content
    assert b"/accounts/password/" in response.content
    assert b"/accounts/recovery-code/new/" in response.content
    assert b"/accounts/delete/" in response.content


def test_it_saves_the_display_name_sealed(alice: Person) -> None:
    response = alice.client.post(
        "/accounts/", {"display_name": "Ally Bright", "time_zone": "Europe/Berlin"}
    )
    assert response.status_code == 302
    prefs = preferences_get(user=alice.user, vault=alice.vault)
    assert prefs == {"display_name": "Ally Bright", "time_zone": "Europe/Berlin"}
    sealed = Keyring.objects.get(user=alice.user).preferences
    assert sealed is not None
    sealed = bytes(sealed)
    assert b"Ally Bright" not in sealed
    assert b"Ally Bright" in alice.client.get("/").content


def test_it_shows_the_saved_values_again(alice: Person) -> None:
    alice.client.post("/accounts/", {"display_name": "Ally", "time_zone": "Asia/Tokyo"})
    response = alice.client.get("/accounts/")
    assert b'value="Ally"' in response.content
    assert b'<option value="Asia/Tokyo" selected>' in response.content


def test_it_refuses_an_unknown_time_zone_and_changes_nothing(alice: Person) -> None:
    alice.client.post("/accounts/", {"display_name": "Ally", "time_zone": "UTC"})
    response = alice.client.post("/accounts/", {"display_name": "Other", "time_zone": "Mars/Base"})
    assert response.status_code == 200
    assert preferences_get(user=alice.user, vault=alice.vault)["display_name"] == "Ally"


def test_it_refuses_a_too_long_name(alice: Person) -> None:
    response = alice.client.post("/accounts/", {"display_name": "x" * 81, "time_zone": "UTC"})
    assert response.status_code == 200
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_zone_list_is_real_places_grouped_by_region(alice: Person) -> None:
    html = alice.client.get("/accounts/").content.decode()
    assert '<optgroup label="America">' in html
    assert '<option value="America/New_York">New York</option>' in html
    assert "Factory" not in html and 'value="US/Pacific"' not in html
    # With nothing chosen yet: UTC, plainly (not the first zone of the list).
    assert '<option value="UTC" selected>' in html


def test_a_zone_kept_from_before_under_an_old_name_stays_shown(alice: Person) -> None:
    from nearer.accounts.services import preferences_update

    preferences_update(user=alice.user, vault=alice.vault, time_zone="Asia/Calcutta")
    html = alice.client.get("/accounts/").content.decode()
    assert '<option value="Asia/Calcutta" selected>' in html
    response = alice.client.post("/accounts/", {"display_name": "", "time_zone": "Asia/Calcutta"})
    assert response.status_code == 302
