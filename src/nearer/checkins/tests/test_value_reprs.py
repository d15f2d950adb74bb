"""Check-in values read from a check-in never show what was written in a repr."""

from __future__ import annotations

import pytest

from nearer.checkins.content import CheckInContent
from nearer.checkins.people import people_names
from nearer.checkins.selectors import checkin_for
from nearer.checkins.tests.conftest import CheckInMaker, PeopleMaker
from nearer.conftest import Person

pytestmark = pytest.mark.django_db

WORDS = ("Marmalade", "lighthouse", "joyful")


def test_a_check_in_and_its_content_keep_their_words_out_of_repr(
    alice: Person, check_in: CheckInMaker, people: PeopleMaker
) -> None:
    people.add(alice, "Marmalade Okonkwo")
    names = people_names(user=alice.user, vault=alice.vault)
    assert [n.name for n in names.values()] == ["Marmalade Okonkwo"]
    saved = check_in(
        alice,
        pleasantness=2,
        energy=2,
        emotion="joyful",
        tags="lighthouse",
        note="Marmalade on the pier",
    )
    view = checkin_for(user=alice.user, vault=alice.vault, checkin_id=saved.id)
    assert view.content is not None and view.content.note == "Marmalade on the pier"
    content = CheckInContent(
        pleasantness=2,
        energy=2,
        emotion="joyful",
        tags=("lighthouse",),
        note="Marmalade on the pier",
    )
    for value in (view, view.content, content, names):
        shown = repr(value) + repr([value])
        for word in WORDS:
            assert word.casefold() not in shown.casefold(), shown
    assert repr(view) == f"CheckInView(id={saved.id})"
