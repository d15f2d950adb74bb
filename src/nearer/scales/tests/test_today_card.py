"""Today: one calm, skippable offer of a scale that is due."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.scales.tests.helpers import take


def test_a_new_person_is_offered_the_who5(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    assert html.count('class="card scales-due"') == 1
    assert "Take the WHO-5" in html and "Not now" in html


def test_not_now_hides_the_offer(alice: Person) -> None:
    response = alice.client.post("/scales/not-now/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert b"scales-due" not in alice.client.get("/").content


def test_after_taking_a_scale_nothing_more_is_offered_that_day(alice: Person) -> None:
    take(alice, "who5", [3, 3, 3, 3, 3])
    assert b"scales-due" not in alice.client.get("/").content


def test_not_now_needs_a_post(alice: Person) -> None:
    assert alice.client.get("/scales/not-now/").status_code == 405
