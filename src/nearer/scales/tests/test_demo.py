"""Ten years of demo results: quick to make, valid, and readable on the trends page."""

from __future__ import annotations

import time
from datetime import date

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.scales.demo import build_scales
from nearer.scales.models import ScaleResult
from nearer.scales.selectors import trends_for


def test_it_makes_ten_years_of_valid_results_quickly(alice: Person) -> None:
    started = time.perf_counter()
    made = build_scales(alice.user, alice.vault, today=date(2026, 11, 26))
    assert time.perf_counter() - started < 5
    assert made == ScaleResult.objects.filter(owner=alice.user).count()
    found = trends_for(user=alice.user, vault=alice.vault)
    assert found.unreadable == 0
    assert 255 <= len(found.points["who5"]) <= 262
    assert 118 <= len(found.points["pss4"]) <= 122
    assert all(3 <= p.total <= 9 for p in found.points["ucla3"])
    last = preferences_get(user=alice.user, vault=alice.vault)["scales"]["last"]
    assert set(last) == {"who5", "pss4", "ucla3"}
    response = alice.client.get("/scales/trends/")
    assert response.status_code == 200 and response.content.count(b"<tr>") > 490
