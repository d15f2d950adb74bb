"""entries_search over the month texts gives what the old search over every row gave.

Random journals (accents, curly quotes, dashes, ß, other scripts, combining marks,
tags), written, edited (also across months) and deleted through the services, then
searched both ways with random words taken from what was written and around it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.content import EntryContent, content_seal
from nearer.journal.models import Entry
from nearer.journal.search_index import SEARCH_TEXT, subject_of
from nearer.journal.selectors import (
    SearchResults,
    cursor_from_text,
    cursor_text,
    entries_search,
    entries_search_by_rows,
    entries_search_page,
    tags_for,
    tags_for_by_rows,
)
from nearer.vault.models import DerivedValue

pytestmark = pytest.mark.django_db

# Letters that fold in interesting ways, and the words searches are made of.
PIECES = [
    "heron", "Héron", "HERON", "café", "cafe\u0301", "Straße", "strasse", "don’t", "don't",
    "“quoted”", '"quoted"', "well—being", "well-being", "well•being", "Дневник", "дневник",
    "静かな", "ﬁsh", "fish", "Zoë", "¨", "a\\b", "\n", " ", "x", "ab", "b", "#",
]  # fmt: skip
WORDS = [
    "heron", "HÉRON", "cafe", "café", "strasse", "STRASSE", "don't", "don’t", "dont",
    '"quoted"', "“quoted", "well-being", "wellbeing", "дневник", "静か", "fish", "ﬁ", "zoe",
    "a\\b", "a¨b", "x", "ab", "b", "#", "heronx", "ron", '"', "\\", "¨",
]  # fmt: skip
DATES = [date(2025, 1, 31), date(2025, 2, 1), date(2025, 2, 28), date(2026, 6, 15)]

text = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
tag = st.lists(st.sampled_from(PIECES[:20]), min_size=1, max_size=2).map("".join)
fields = st.fixed_dictionaries(
    {
        "entry_date": st.sampled_from(DATES),
        "title": text.map(lambda value: " ".join(value.split())),
        "body": text.map(lambda value: value.strip() or "plain"),
        "tags": st.lists(tag, max_size=3),
    }
)
step = st.one_of(
    st.tuples(st.just("write"), st.just(0), fields),
    st.tuples(st.just("edit"), st.integers(0, 20), fields),
    st.tuples(st.just("delete"), st.integers(0, 20), st.none()),
)
query = st.lists(st.sampled_from(WORDS), min_size=0, max_size=3).map(" ".join)


def _shown(results: SearchResults) -> tuple[Any, ...]:
    hits = [
        (
            hit.entry.id,
            hit.entry.entry_date,
            hit.entry.title,
            hit.entry.body,
            hit.entry.tags,
            hit.before,
            hit.match,
            hit.after,
        )
        for hit in results.hits
    ]
    return hits, results.total, results.unreadable, results.searched


def _journal(owner: Person, steps: list[tuple[str, int, dict[str, Any] | None]]) -> None:
    Entry.objects.filter(owner=owner.user).delete()
    DerivedValue.objects.filter(owner=owner.user, kind=SEARCH_TEXT.name).delete()
    ids = []
    for action, which, values in steps:
        if action == "write" and values is not None:
            ids.append(services.entry_create(user=owner.user, vault=owner.vault, **values).id)
        elif action == "edit" and values is not None and ids:
            entry_id = ids[which % len(ids)]
            services.entry_update(user=owner.user, vault=owner.vault, entry_id=entry_id, **values)
        elif action == "delete" and ids:
            entry_id = ids.pop(which % len(ids))
            services.entry_delete(user=owner.user, vault=owner.vault, entry_id=entry_id)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(step, min_size=1, max_size=12),
    queries=st.lists(st.tuples(query, st.none() | tag, st.sampled_from([2, 100])), max_size=5),
)
def test_the_month_texts_find_what_every_row_found(
    alice: Person,
    steps: list[tuple[str, int, dict[str, Any] | None]],
    queries: list[tuple[str, str | None, int]],
) -> None:
    _journal(alice, steps)
    # Every month with entries has its text stored (the services keep it).
    written = Entry.objects.filter(owner=alice.user).values_list("entry_date", flat=True)
    stored = set(
        DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).values_list(
            "subject", flat=True
        )
    )
    assert {subject_of(day) for day in written} <= stored
    for words, tag_filter, limit in queries:
        kwargs: dict[str, Any] = {"query": words, "tag": tag_filter, "limit": limit}
        new = entries_search(user=alice.user, vault=alice.vault, **kwargs)
        old = entries_search_by_rows(user=alice.user, vault=alice.vault, **kwargs)
        assert _shown(new) == _shown(old), kwargs


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=10), words=query, tag_filter=st.none() | tag)
def test_months_worked_out_from_rows_find_the_same(
    alice: Person,
    steps: list[tuple[str, int, dict[str, Any] | None]],
    words: str,
    tag_filter: str | None,
) -> None:
    # Without any stored month text (before the first login after the upgrade).
    _journal(alice, steps)
    DerivedValue.objects.filter(owner=alice.user, kind=SEARCH_TEXT.name).delete()
    kwargs: dict[str, Any] = {"query": words, "tag": tag_filter}
    new = entries_search(user=alice.user, vault=alice.vault, **kwargs)
    old = entries_search_by_rows(user=alice.user, vault=alice.vault, **kwargs)
    assert _shown(new) == _shown(old), kwargs


def test_a_common_word_and_a_tag_find_the_same_in_a_larger_journal(alice: Person) -> None:
    # Enough entries for several in one month and hits past the limit.
    for number in range(40):
        services.entry_create(
            user=alice.user,
            vault=alice.vault,
            entry_date=DATES[number % len(DATES)],
            title=f"Walk {number}" if number % 3 else "",
            body=f"Heron by the river, day {number}." + (" Café after." if number % 2 else ""),
            tags=["Walks"] if number % 4 else ["walks", "Family"],
        )
    for words, tag_filter in (("heron", None), ("cafe", "walks"), ("", "FAMILY"), ("day 1", None)):
        kwargs: dict[str, Any] = {"query": words, "tag": tag_filter, "limit": 7}
        new = entries_search(user=alice.user, vault=alice.vault, **kwargs)
        old = entries_search_by_rows(user=alice.user, vault=alice.vault, **kwargs)
        assert new.total > 0
        assert _shown(new) == _shown(old), kwargs


def test_every_tricky_word_finds_the_same_in_every_tricky_entry(alice: Person) -> None:
    # Each piece alone, and between two others, as a body, a title and a tag; every word.
    for number, piece in enumerate(PIECES):
        for title, body, tags in ((piece, "plain", []), ("", f"ab{piece}cd", [piece.strip()])):
            services.entry_create(
                user=alice.user,
                vault=alice.vault,
                entry_date=DATES[number % len(DATES)],
                title=" ".join(title.split()),
                body=body.strip() or "plain",
                tags=[tag for tag in tags if tag],
            )
    # A limit of 1 too: search re-checks the hits it shows, so only the total of the
    # others would show a month text matching too much.
    for word in WORDS:
        for tag_filter, limit in ((None, 1), (None, 100), (word, 1)):
            kwargs: dict[str, Any] = {"query": word, "tag": tag_filter, "limit": limit}
            new = entries_search(user=alice.user, vault=alice.vault, **kwargs)
            old = entries_search_by_rows(user=alice.user, vault=alice.vault, **kwargs)
            assert _shown(new) == _shown(old), kwargs


def _pages(owner: Person, words: str, tag_filter: str | None, limit: int) -> list[Any]:
    """Every page of entries_search_page, following ``older`` to the end."""
    pages, older = [], None
    for _ in range(1000):
        page = entries_search_page(
            user=owner.user, vault=owner.vault, query=words, tag=tag_filter, older=older,
            limit=limit,
        )  # fmt: skip
        pages.append(page)
        if page.older is None:
            return pages
        older = cursor_from_text(cursor_text(page.older))  # as the page's link carries it
    raise AssertionError("the pages never ended")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(step, min_size=1, max_size=12),
    queries=st.lists(st.tuples(query, st.none() | tag, st.integers(1, 4)), max_size=4),
)
def test_page_after_page_lists_every_hit_of_the_whole_search(
    alice: Person,
    steps: list[tuple[str, int, dict[str, Any] | None]],
    queries: list[tuple[str, str | None, int]],
) -> None:
    _journal(alice, steps)
    for words, tag_filter, limit in queries:
        pages = _pages(alice, words, tag_filter, limit)
        everything = entries_search_by_rows(
            user=alice.user, vault=alice.vault, query=words, tag=tag_filter, limit=10**6
        )
        listed = SearchResults(hits=[hit for page in pages for hit in page.hits])
        assert _shown(listed)[0] == _shown(everything)[0], (words, tag_filter, limit)
        # Each page full but the last; the months were searched once between them.
        assert all(len(page.hits) == limit for page in pages[:-1])
        assert sum(page.searched for page in pages) == everything.searched
        assert sum(page.unreadable for page in pages) == everything.unreadable
        # What the old search shows on its first page, the new one does too.
        first = entries_search_by_rows(
            user=alice.user, vault=alice.vault, query=words, tag=tag_filter, limit=limit
        )
        assert _shown(SearchResults(hits=pages[0].hits))[0] == _shown(first)[0]


def test_pages_follow_across_months_and_inside_one(alice: Person) -> None:
    # 40 entries over four months, some months holding more hits than a page.
    for number in range(40):
        services.entry_create(
            user=alice.user,
            vault=alice.vault,
            entry_date=DATES[number % len(DATES)],
            title=f"Walk {number}",
            body="Heron by the river." if number % 3 else "Café.",
            tags=["Walks"],
        )
    for words, tag_filter in (("heron", None), ("", "walks"), ("cafe", "WALKS"), ("none", None)):
        for limit in (1, 3, 7, 13, 100):
            pages = _pages(alice, words, tag_filter, limit)
            everything = entries_search_by_rows(
                user=alice.user, vault=alice.vault, query=words, tag=tag_filter, limit=10**6
            )
            listed = SearchResults(hits=[hit for page in pages for hit in page.hits])
            assert _shown(listed)[0] == _shown(everything)[0], (words, tag_filter, limit)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=14))
def test_the_tags_from_the_month_texts_are_those_of_every_row(
    alice: Person, steps: list[tuple[str, int, dict[str, Any] | None]]
) -> None:
    _journal(alice, steps)
    assert tags_for(user=alice.user, vault=alice.vault) == tags_for_by_rows(
        user=alice.user, vault=alice.vault
    )


def test_tags_counted_across_months_spelt_as_most_recently_written(alice: Person) -> None:
    for number, (day, tags) in enumerate(
        [
            (DATES[0], ["Walks", "family"]),
            (DATES[1], ["walks"]),
            (DATES[3], ["WALKS", "Straße"]),
            (DATES[2], ["strasse", "Zoë"]),
        ]
    ):
        services.entry_create(
            user=alice.user, vault=alice.vault, entry_date=day, title=f"t{number}",
            body="plain", tags=tags,
        )  # fmt: skip
    found = tags_for(user=alice.user, vault=alice.vault)
    assert found == tags_for_by_rows(user=alice.user, vault=alice.vault)
    assert found[0] == ("WALKS", 3)
    # fold("Straße") is "strasse": one tag, as the newest entry wrote it.
    assert ("Straße", 2) in found and ("Zoë", 1) in found and ("family", 1) in found


def test_a_tag_changed_outside_the_services_is_read_from_every_row(alice: Person) -> None:
    services.entry_create(
        user=alice.user, vault=alice.vault, entry_date=DATES[0], title="a", body="plain",
        tags=["Walks"],
    )  # fmt: skip
    newest = services.entry_create(
        user=alice.user, vault=alice.vault, entry_date=DATES[3], title="b", body="plain",
        tags=["walks"],
    )  # fmt: skip
    # Its row now carries another tag, sealed for it; its month text still says "walks".
    changed = EntryContent(title="b", body="plain", tags=("elsewhere",))
    Entry.objects.filter(id=newest.id).update(content=content_seal(alice.vault, newest.id, changed))
    found = tags_for(user=alice.user, vault=alice.vault)
    assert found == tags_for_by_rows(user=alice.user, vault=alice.vault)
    assert found == [("elsewhere", 1), ("Walks", 1)]
