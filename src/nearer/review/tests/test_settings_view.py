from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.review.week import DAY_KEY, ENABLED_KEY

pytestmark = pytest.mark.django_db


def test_it_is_off_by_default_and_linked_from_the_account_page(alice: Person) -> None:
    html = alice.client.get("/review/settings/").content.decode()
    assert 'name="enabled"' in html and "checked" not in html.split('name="enabled"')[1][:40]
    assert '<option value="6" selected>Sunday</option>' in html
    assert (
        'href="/review/settings/"'
        in alice.client.get(reverse("accounts:settings")).content.decode()
    )


def test_opting_in_saves_the_day_in_the_sealed_preferences(alice: Person) -> None:
    response = alice.client.post("/review/settings/", {"enabled": "on", "day": "3"})
    assert response.status_code == 302
    prefs = preferences_get(user=alice.user, vault=alice.vault)
    assert prefs[ENABLED_KEY] is True and prefs[DAY_KEY] == 3
    html = alice.client.get("/review/settings/").content.decode()
    assert "Thursdays" in html
    assert '<option value="3" selected>Thursday</option>' in html


def test_opting_out_keeps_the_review_reachable(alice: Person) -> None:
    alice.client.post("/review/settings/", {"enabled": "on", "day": "3"})
    alice.client.post("/review/settings/", {"day": "3"})
    prefs = preferences_get(user=alice.user, vault=alice.vault)
    assert prefs[ENABLED_KEY] is False


@pytest.mark.parametrize("day", ["7", "-1", "Sunday", "", "9" * 400])
def test_a_bad_day_is_a_clear_message_and_changes_nothing(alice: Person, day: str) -> None:
    response = alice.client.post("/review/settings/", {"enabled": "on", "day": day})
    assert response.status_code == 400
    assert "Please choose a day of the week." in response.content.decode()
    assert ENABLED_KEY not in preferences_get(user=alice.user, vault=alice.vault)
