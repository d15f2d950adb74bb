"""The "How often" page."""

from __future__ import annotations

import re

from nearer.accounts.services import preferences_get
from nearer.conftest import Person


def test_it_shows_a_radio_group_per_scale_with_the_defaults(alice: Person) -> None:
    html = alice.client.get("/scales/schedule/").content.decode()
    assert html.count("<fieldset") == 3
    assert re.search(r'name="who5" value="14"[^>]* checked', html)
    assert re.search(r'name="pss4" value="30"[^>]* checked', html)


def test_it_saves_a_new_rhythm(alice: Person) -> None:
    response = alice.client.post("/scales/schedule/", {"who5": "7", "pss4": "0", "ucla3": "91"})
    assert response.status_code == 302
    every = preferences_get(user=alice.user, vault=alice.vault)["scales"]["every"]
    assert every == {"who5": 7, "pss4": 0, "ucla3": 91}


def test_it_refuses_a_made_up_rhythm(alice: Person) -> None:
    response = alice.client.post("/scales/schedule/", {"who5": "3", "pss4": "0", "ucla3": "30"})
    assert response.status_code == 200
    assert b"Please choose one of the offered rhythms." in response.content
    assert "scales" not in preferences_get(user=alice.user, vault=alice.vault)
