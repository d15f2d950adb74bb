"""Helpers for the draw tests: a small deck of the tests' own cards.

The real cards are written beside these pages; the tests do not depend on
their words or count, so they swap in this deck.
"""

from __future__ import annotations

import pytest
from django.http import HttpResponseBase

from nearer.decks import selectors
from nearer.decks.catalogue import Card


def make_cards(count: int, *, theme: str, depth: int) -> tuple[Card, ...]:
    return tuple(
        Card(
            id=f"{theme}-{depth}-{number:03d}",
            theme=theme,
            depth=depth,
            fits=frozenset({"friend", "partner"}),
            text=f"Question {theme} {depth} number {number}: what would you say?",
        )
        for number in range(count)
    )


# 40 light memories, 5 deep needs, 3 opt-in physical-closeness cards.
TEST_DECK = (
    make_cards(40, theme="memories", depth=1)
    + make_cards(5, theme="needs", depth=3)
    + make_cards(3, theme="touch", depth=1)
)


@pytest.fixture
def test_deck(monkeypatch: pytest.MonkeyPatch) -> tuple[Card, ...]:
    """Draw from TEST_DECK instead of the real cards; return it."""
    monkeypatch.setattr(selectors, "_catalogue", lambda: TEST_DECK)
    return TEST_DECK


def location(response: HttpResponseBase) -> str:
    """Return where a redirect sends the browser."""
    assert response.status_code == 302, response.status_code
    return str(response["Location"])
