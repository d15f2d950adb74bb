"""The demo journal: realistic entries over the years, some guided, the same for a seed."""

from __future__ import annotations

from datetime import date

from nearer.journal.demo import generate_entries
from nearer.journal.prompts import PROMPTS_BY_KEY

TODAY = date(2026, 5, 14)


def test_it_generates_entries_of_realistic_length_over_the_years() -> None:
    entries = list(generate_entries(years=10, entries=2000, today=TODAY))
    assert len(entries) == 2000
    assert entries[0].entry_date >= date(2016, 5, 14)
    assert entries[-1].entry_date <= TODAY
    assert [e.entry_date for e in entries] == sorted(e.entry_date for e in entries)
    words = sorted(len(e.body.split()) for e in entries)
    assert words[0] >= 120
    assert words[-1] <= 450
    assert 200 <= words[len(words) // 2] <= 330
    assert all(e.tags for e in entries)
    assert "{" not in "".join(e.body + e.title for e in entries)


def test_it_makes_some_entries_guided_by_known_prompts() -> None:
    entries = list(generate_entries(years=2, entries=500, today=TODAY))
    guided = [e for e in entries if e.prompt_key]
    assert 50 < len(guided) < 150
    assert all(e.prompt_key in PROMPTS_BY_KEY for e in guided)


def test_it_gives_the_same_journal_for_the_same_seed() -> None:
    first = list(generate_entries(years=1, entries=50, today=TODAY, seed=7))
    again = list(generate_entries(years=1, entries=50, today=TODAY, seed=7))
    other = list(generate_entries(years=1, entries=50, today=TODAY, seed=8))
    assert first == again
    assert first != other
