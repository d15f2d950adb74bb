"""People search and journal search fold text by the same rule (nearer.lib.text.fold).

What is decided: a typographic apostrophe is a typewriter one, so "O’Brien" and
"O'Brien" find each other in both searches; the apostrophe is part of the name, so
"obrien" finds neither; accents are ignored, so "Zoë" and "Zoe" find each other.
"""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.journal.selectors import entries_search
from nearer.journal.services import entry_create
from nearer.people.content import PersonDetails
from nearer.people.selectors import people_list
from nearer.people.services import person_create

pytestmark = pytest.mark.django_db

FOUND = ["O’Brien", "O'Brien", "o‘brien", "O’BRIEN", "Zoë", "Zoe", "ZOË", "zoe\u0308"]
NOT_FOUND = ["obrien", "Zoey"]


def _people_found(alice: Person, query: str) -> set[str]:
    return {p.name for p in people_list(user=alice.user, vault=alice.vault, query=query)}


def _entries_found(alice: Person, query: str) -> set[str]:
    results = entries_search(user=alice.user, vault=alice.vault, query=query)
    return {hit.entry.title for hit in results.hits}


@pytest.fixture
def written(alice: Person) -> Person:
    for name in ("Zoë O’Brien", "Zoe O'Brien"):
        person_create(
            user=alice.user,
            vault=alice.vault,
            dates=(),
            details=PersonDetails(name=name, circle="inner"),
        )
        entry_create(
            user=alice.user,
            vault=alice.vault,
            entry_date=date(2026, 3, 4),
            title=f"Tea with {name}",
            body="Long talk about gardens.",
            tags=[],
        )
    person_create(
        user=alice.user,
        vault=alice.vault,
        dates=(),
        details=PersonDetails(name="Quentin Marlowe", circle="inner"),
    )
    return alice


@pytest.mark.parametrize("query", FOUND)
def test_both_searches_find_both_spellings(written: Person, query: str) -> None:
    assert _people_found(written, query) == {"Zoë O’Brien", "Zoe O'Brien"}
    assert _entries_found(written, query) == {"Tea with Zoë O’Brien", "Tea with Zoe O'Brien"}


@pytest.mark.parametrize("query", NOT_FOUND)
def test_neither_search_finds_a_different_word(written: Person, query: str) -> None:
    assert _people_found(written, query) == set()
    assert _entries_found(written, query) == set()
