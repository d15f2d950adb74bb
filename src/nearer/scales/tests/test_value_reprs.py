"""Scale values read from a result never show the scale, answers or score in a repr."""

from __future__ import annotations

import re

import pytest

from nearer.conftest import Person
from nearer.people.content import PersonDetails
from nearer.people.services import person_create
from nearer.scales.selectors import inner_circle, result_for, results_recent, trends_for
from nearer.scales.tests.helpers import take

pytestmark = pytest.mark.django_db

WORDS = ("who5", "WHO-5", "answers", "total", "Marmalade")


def test_results_trends_and_people_keep_what_they_hold_out_of_repr(alice: Person) -> None:
    saved = take(alice, "who5", [5, 5, 5, 5, 5])
    person_create(
        user=alice.user,
        vault=alice.vault,
        dates=(),
        details=PersonDetails(name="Marmalade Okonkwo", circle="inner"),
    )
    view = result_for(user=alice.user, vault=alice.vault, result_id=saved.id)
    assert view.total == 25 and view.content is not None
    trends = trends_for(user=alice.user, vault=alice.vault)
    point = trends.points["who5"][0]
    someone = inner_circle(user=alice.user, vault=alice.vault)
    assert [p.name for p in someone] == ["Marmalade Okonkwo"]
    recent = results_recent(user=alice.user, vault=alice.vault)
    for value in (view, view.content, trends, point, someone[0], recent):
        shown = repr(value)
        for word in WORDS:
            assert word.casefold() not in shown.casefold(), shown
        # Nor the score (ids, in either form, may hold any digits).
        assert "25" not in re.sub(r"id=[0-9a-f-]+", "id=", shown)
    assert repr(view) == f"ResultView(id={saved.id})"
