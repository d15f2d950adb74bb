"""The built-in prompts: stable, unique keys and enough of them per theme."""

from __future__ import annotations

from collections import Counter

from nearer.journal.prompts import PROMPTS, THEMES, THEMES_BY_KEY, prompt_by_key, prompts_for


def test_every_key_is_unique_and_starts_with_its_theme() -> None:
    keys = [prompt.key for prompt in PROMPTS]
    assert len(keys) == len(set(keys))
    for prompt in PROMPTS:
        assert prompt.key.startswith(f"{prompt.theme}.")
        assert prompt.theme in THEMES_BY_KEY


def test_every_theme_has_at_least_a_dozen_prompts() -> None:
    counts = Counter(prompt.theme for prompt in PROMPTS)
    for theme in THEMES:
        assert counts[theme.key] >= 12


def test_the_themes_of_the_issue_are_there() -> None:
    names = {theme.name for theme in THEMES}
    assert {"Self-acceptance", "Self-compassion", "Opening up"} <= names


def test_lookups() -> None:
    assert prompt_by_key("acceptance.rest") is not None
    assert prompt_by_key("") is None
    assert prompt_by_key(None) is None
    assert prompts_for("nope") == PROMPTS
    assert all(p.theme == "compassion" for p in prompts_for("compassion"))
