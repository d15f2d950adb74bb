"""The data test for the conversation cards: their shape, counts and spread.

That the opt-in deck is left out of draws by default is the draw tests' job
(test_draw_deck); here we check the cards themselves.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nearer.decks.cards import CARDS
from nearer.decks.catalogue import DEPTH_LABELS, FIT_LABELS, OPT_IN_THEMES, THEME_LABELS, Card
from nearer.decks.converters import RESERVED_IDS, CardIdConverter
from nearer.decks.state import MAX_CARD_ID_LENGTH

OPEN_THEMES = tuple(theme for theme in THEME_LABELS if theme not in OPT_IN_THEMES)
MAX_TEXT_LENGTH = 200
# Words that would make a card explicit; the physical-closeness deck stays warm
# and tasteful, and no other deck goes there at all.
EXPLICIT_WORDS = ("sex", "sexual", "sexy", "naked", "nude", "erotic", "aroused", "orgasm")


def _cards_of(theme: str, depth: int | None = None) -> list[Card]:
    return [c for c in CARDS if c.theme == theme and (depth is None or c.depth == depth)]


def test_every_card_id_is_unique() -> None:
    repeated = [card_id for card_id, n in Counter(c.id for c in CARDS).items() if n > 1]
    assert repeated == []


def test_every_card_id_names_its_theme_and_depth() -> None:
    wrong = [c.id for c in CARDS if re.fullmatch(rf"{c.theme}-{c.depth}-\d\d", c.id) is None]
    assert wrong == []


def test_every_card_id_fits_the_url_and_the_sealed_state() -> None:
    # Draws, favourites and hidden cards store the id, and /cards/<id>/ carries it.
    wrong = [
        c.id
        for c in CARDS
        if re.fullmatch(CardIdConverter.regex, c.id) is None
        or len(c.id) > MAX_CARD_ID_LENGTH
        or c.id in RESERVED_IDS
    ]
    assert wrong == []


def test_every_card_has_a_known_theme_and_depth() -> None:
    assert {c.theme for c in CARDS} <= set(THEME_LABELS)
    assert {c.depth for c in CARDS} <= set(DEPTH_LABELS)
    assert set(DEPTH_LABELS) == {1, 2, 3}


def test_every_card_fits_someone_and_only_known_people() -> None:
    wrong = [c.id for c in CARDS if not c.fits or not c.fits <= set(FIT_LABELS)]
    assert wrong == []


def test_every_text_is_one_short_question_or_invitation() -> None:
    wrong = [
        c.id
        for c in CARDS
        if not c.text
        or len(c.text) > MAX_TEXT_LENGTH
        or c.text != c.text.strip()
        or not c.text[0].isupper()
        or not (c.text.endswith("?") or c.text.startswith("Tell me about"))
        # One sentence: no sentence ends before the last character.
        or re.search(r"[.?!]\s", c.text) is not None
    ]
    assert wrong == []


def test_no_two_cards_ask_the_same_thing() -> None:
    texts = Counter(" ".join(c.text.casefold().split()) for c in CARDS)
    assert [text for text, n in texts.items() if n > 1] == []


def test_no_card_is_explicit() -> None:
    pattern = re.compile(rf"\b({'|'.join(EXPLICIT_WORDS)})\b", re.IGNORECASE)
    assert [c.id for c in CARDS if pattern.search(c.text)] == []


def test_there_are_enough_cards_outside_the_opt_in_deck() -> None:
    # The issue asks for at least 180; we wrote more so that a person who hides
    # a few still has plenty in every theme.
    assert len([c for c in CARDS if c.theme not in OPT_IN_THEMES]) >= 180
    assert len(CARDS) >= 210


@pytest.mark.parametrize("theme", OPEN_THEMES)
def test_each_theme_goes_from_light_to_deep(theme: str) -> None:
    counts = Counter(c.depth for c in _cards_of(theme))
    assert sum(counts.values()) >= 26
    assert {depth: counts[depth] >= 7 for depth in DEPTH_LABELS} == {1: True, 2: True, 3: True}


@pytest.mark.parametrize("theme", OPEN_THEMES)
@pytest.mark.parametrize("depth", sorted(DEPTH_LABELS))
def test_each_depth_of_each_theme_has_cards_for_everyone(theme: str, depth: int) -> None:
    # A session with a friend or a parent climbs through every depth too.
    fits = [c.fits for c in _cards_of(theme, depth)]
    assert {fit: sum(fit in f for f in fits) >= 3 for fit in FIT_LABELS} == {
        "partner": True,
        "friend": True,
        "family": True,
    }


def test_the_physical_closeness_deck_is_opt_in_and_mainly_for_partners() -> None:
    assert "touch" in OPT_IN_THEMES
    touch = _cards_of("touch")
    assert 18 <= len(touch) <= 24
    assert {c.depth for c in touch} == {1, 2, 3}
    assert all("partner" in c.fits for c in touch)
    assert not any("friend" in c.fits for c in touch)
