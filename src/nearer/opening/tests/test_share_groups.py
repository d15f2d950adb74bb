"""The list's read of shares: only the words and with whom are opened, and checked."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.opening.content import CONTENT_LABEL
from nearer.opening.models import Share
from nearer.opening.selectors import share_groups
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db


def test_the_list_gives_the_words_and_names_of_each_share(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Annelieselotte")
    add_share(alice, [ana], text="Lighthousekeeper words", anxiety_before=6)
    groups = share_groups(user=alice.user, vault=alice.vault, today=date.today())
    [view] = groups.preparing
    assert view.content is not None and view.content.text == "Lighthousekeeper words"
    assert view.people == [(str(ana.id), "Annelieselotte")]


@pytest.mark.parametrize(
    "value",
    [
        {"text": 7, "people": []},
        {"text": "Quietharbour", "people": [7]},
        {"text": "Quietharbour", "people": "someone"},
        ["Quietharbour"],
    ],
)
def test_words_or_people_of_another_shape_are_a_share_that_could_not_be_opened(
    alice: Person, add_person: AddPerson, add_share: AddShare, value: object
) -> None:
    share = add_share(alice, [add_person(alice)])
    sealed = alice.vault.seal_json(CONTENT_LABEL, share.id, value)
    Share.objects.filter(id=share.id).update(content=sealed)
    groups = share_groups(user=alice.user, vault=alice.vault, today=date.today())
    [view] = groups.preparing
    assert view.content is None and view.people == []
