"""Deleting a result from its page."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.tests.helpers import take


def test_it_asks_then_deletes(alice: Person) -> None:
    result = take(alice, "who5", [2, 2, 2, 2, 2])
    page = alice.client.get(f"/scales/results/{result.id}/delete/")
    assert b"Delete this result?" in page.content
    response = alice.client.post(f"/scales/results/{result.id}/delete/")
    assert response.status_code == 302
    assert not ScaleResult.objects.exists()


def test_a_stranger_gets_a_404_and_nothing_changes(alice: Person, charlie: Person) -> None:
    result = take(alice, "who5", [2, 2, 2, 2, 2])
    assert charlie.client.post(f"/scales/results/{result.id}/delete/").status_code == 404
    assert charlie.client.get(f"/scales/results/{result.id}/delete/").status_code == 404
    assert ScaleResult.objects.filter(id=result.id).exists()
