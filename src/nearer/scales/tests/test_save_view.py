"""Sending answers: saved and shown, or a clear message and nothing saved."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.tests.helpers import form_data


def test_it_saves_and_shows_the_result(alice: Person) -> None:
    response = alice.client.post("/scales/save/", form_data("ucla3", [1, 2, 2]))
    assert response.status_code == 302
    result = ScaleResult.objects.get(owner=alice.user)
    assert response["Location"] == f"/scales/results/{result.id}/"


def test_missing_answers_get_a_clear_message_and_keep_the_others(alice: Person) -> None:
    data = form_data("who5", [3, 3, 3, 3, 3])
    del data["item_2"], data["item_5"]
    response = alice.client.post("/scales/save/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please choose an answer for question 2." in html
    assert "Please choose an answer for question 5." in html
    assert 'value="3" checked' in html
    assert not ScaleResult.objects.exists()


def test_out_of_range_values_are_refused(alice: Person) -> None:
    for bad in ("6", "-1", "x", "2.5", ""):
        response = alice.client.post("/scales/save/", {**form_data("who5", [1] * 5), "item_1": bad})
        assert response.status_code == 200
    response = alice.client.post("/scales/save/", form_data("ucla3", [0, 1, 1]))
    assert b"Please choose one of the answers offered for question 1." in response.content
    assert not ScaleResult.objects.exists()


def test_an_unknown_scale_is_a_404_and_get_is_not_allowed(alice: Person) -> None:
    assert alice.client.post("/scales/save/", form_data("nope", [1])).status_code == 404
    assert alice.client.post("/scales/save/", {}).status_code == 404
    assert alice.client.get("/scales/save/").status_code == 405
