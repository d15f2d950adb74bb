"""prompt_pick: a prompt not shown lately, remembered (sealed) in the preferences."""

from __future__ import annotations

from nearer.accounts.services import preferences_get, preferences_update
from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.prompts import PROMPTS, prompts_for
from nearer.journal.services import RECENT_PROMPTS, RECENT_PROMPTS_KEY


def _pick(person: Person, theme: str | None = None) -> str:
    return services.prompt_pick(user=person.user, vault=person.vault, theme=theme).key


def _recent(person: Person) -> list[str]:
    return list(preferences_get(user=person.user, vault=person.vault)[RECENT_PROMPTS_KEY])


def test_it_remembers_what_it_showed(alice: Person) -> None:
    key = _pick(alice)
    assert _recent(alice) == [key]


def test_it_does_not_repeat_any_of_the_recent_ones(alice: Person) -> None:
    seen: list[str] = []
    for _ in range(RECENT_PROMPTS):
        key = _pick(alice)
        assert key not in seen
        seen.append(key)
    assert _recent(alice) == seen


def test_it_keeps_only_the_last_ones(alice: Person) -> None:
    for _ in range(RECENT_PROMPTS + 5):
        _pick(alice)
    assert len(_recent(alice)) == RECENT_PROMPTS


def test_it_picks_from_the_theme_asked_for(alice: Person) -> None:
    for _ in range(5):
        assert _pick(alice, "compassion").startswith("compassion.")


def test_it_treats_an_unknown_theme_as_any_theme(alice: Person) -> None:
    assert _pick(alice, "no-such-theme") in {p.key for p in PROMPTS}


def test_it_brings_back_the_oldest_when_a_whole_theme_was_seen(alice: Person) -> None:
    theme = [p.key for p in prompts_for("connection")]
    preferences_update(user=alice.user, vault=alice.vault, **{RECENT_PROMPTS_KEY: theme})
    assert _pick(alice, "connection") == theme[0]
    assert _recent(alice)[-1] == theme[0]


def test_it_keeps_other_preferences(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    _pick(alice)
    assert preferences_get(user=alice.user, vault=alice.vault)["display_name"] == "Ally"


def test_it_survives_odd_stored_values(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, **{RECENT_PROMPTS_KEY: "garbage"})
    key = _pick(alice)
    assert _recent(alice) == [key]
