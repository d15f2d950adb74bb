"""Tags are one tag when search would treat them as one (lib.text.fold)."""

from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.journal.rules import tags_clean
from nearer.journal.selectors import tags_for
from nearer.journal.tests.conftest import Write

pytestmark = pytest.mark.django_db


def test_an_entry_keeps_one_of_two_tags_that_differ_only_in_accents() -> None:
    assert tags_clean(["Café", "cafe", "CAFÉ", "well—being", "well-being"]) == [
        "Café",
        "well—being",
    ]


def test_the_tag_list_counts_accented_and_plain_spellings_as_one(
    alice: Person, write: Write
) -> None:
    write(alice, tags=["Café"])
    write(alice, tags=["cafe"])
    write(alice, tags=["Zoë"])
    tags = tags_for(user=alice.user, vault=alice.vault)
    assert [count for _tag, count in tags] == [2, 1]
    assert tags[1][0] == "Zoë"
