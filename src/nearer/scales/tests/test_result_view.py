"""A result in plain words: score, range, reading, change, and the help path."""

from __future__ import annotations

from uuid import uuid4

from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.tests.helpers import take


def _page(person: Person, result: ScaleResult) -> str:
    response = person.client.get(f"/scales/results/{result.id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_good_who5_shows_the_percentage_and_no_help_path(alice: Person) -> None:
    html = _page(alice, take(alice, "who5", [4, 4, 3, 3, 3]))
    assert "<strong>68</strong>" in html and "range of 0 to 100" in html
    assert "Some support" not in html


def test_a_low_who5_leads_gently_to_help(alice: Person) -> None:
    html = _page(alice, take(alice, "who5", [2, 2, 2, 2, 2]))  # 40%
    assert "Some support" in html and 'href="/help/"' in html and "/people/" in html
    assert "reach out to a doctor or another professional soon" not in html


def test_28_percent_or_lower_asks_clearly_to_reach_a_professional(alice: Person) -> None:
    html = _page(alice, take(alice, "who5", [1, 1, 2, 2, 1]))  # 28%
    assert "reaching out to a doctor or another professional soon" in html


def test_a_very_low_who5_says_each_thing_once(alice: Person) -> None:
    html = _page(alice, take(alice, "who5", [1, 1, 1, 1, 1]))  # 20%
    assert html.count("sometimes with depression") == 1
    assert html.count("a doctor or another professional") == 1


def test_a_lonely_ucla3_score_leads_to_help_without_a_label(alice: Person) -> None:
    html = _page(alice, take(alice, "ucla3", [2, 2, 2]))
    assert "scores of 6 or more are often read as loneliness" in html
    assert "Some support" in html and "You are lonely" not in html


def test_pss4_shows_range_and_no_label(alice: Person) -> None:
    html = _page(alice, take(alice, "pss4", [4, 0, 0, 4]))
    assert "<strong>16</strong>" in html and "range of 0 to 16" in html
    assert "Some support" not in html


def test_a_who5_change_of_10_points_is_flagged_as_meaningful(alice: Person) -> None:
    take(alice, "ucla3", [1, 1, 1], days_ago=5)
    take(alice, "who5", [2, 2, 2, 2, 2], days_ago=14)  # 40
    html = _page(alice, take(alice, "who5", [3, 3, 2, 2, 3]))  # 52
    assert "Up 12 points since last time" in html
    assert "meaningful change" in html


def test_a_small_change_is_not_flagged(alice: Person) -> None:
    take(alice, "who5", [2, 2, 2, 2, 2], days_ago=14)  # 40
    html = _page(alice, take(alice, "who5", [3, 2, 2, 2, 2]))  # 44
    assert "Up 4 points" in html and "meaningful change" not in html


def test_an_unreadable_result_says_so(alice: Person) -> None:
    result = take(alice, "who5", [1, 1, 1, 1, 1])
    other = take(alice, "who5", [5, 5, 5, 5, 5])
    ScaleResult.objects.filter(id=result.id).update(content=other.content)
    html = _page(alice, result)
    assert "could not be opened" in html


def test_a_stranger_gets_a_404(alice: Person, charlie: Person) -> None:
    result = take(alice, "who5", [1, 1, 1, 1, 1])
    assert charlie.client.get(f"/scales/results/{result.id}/").status_code == 404
    assert alice.client.get(f"/scales/results/{uuid4()}/").status_code == 404
    assert alice.client.get("/scales/results/not-a-uuid/").status_code == 404
