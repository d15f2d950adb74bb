"""Journal values read from an entry never show its words in a repr (logs, tracebacks)."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.journal.content import EntryContent
from nearer.journal.selectors import entries_search, entry_for
from nearer.journal.services import entry_create

pytestmark = pytest.mark.django_db

WORDS = ("Marmalade", "lighthouse", "quarrelsome", "sourdoughs")


def _quiet(*values: object) -> None:
    for value in values:
        shown = repr(value) + repr([value]) + f"{value!r}"
        for word in WORDS:
            assert word.casefold() not in shown.casefold(), (type(value).__name__, shown)


def test_an_entry_its_content_and_a_search_hit_keep_their_words_out_of_repr(
    alice: Person,
) -> None:
    row = entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=date(2026, 5, 4),
        title="Marmalade at the lighthouse",
        body="A quarrelsome morning.",
        tags=["sourdoughs"],
    )
    view = entry_for(user=alice.user, vault=alice.vault, entry_id=row.id)
    assert view.title == "Marmalade at the lighthouse"  # the words are really there
    results = entries_search(user=alice.user, vault=alice.vault, query="quarrelsome")
    assert results.total == 1
    content = EntryContent(title=view.title, body=view.body, tags=view.tags)
    _quiet(view, content, results, results.hits[0])
    assert repr(view) == f"EntryView(id={row.id})"
