"""The safety phrase: the same for both partners, another for another key."""

from __future__ import annotations

from nearer.together.phrase import WORD_LIST, WORDS, safety_phrase
from nearer.vault import keys


def test_the_word_list_has_256_different_words() -> None:
    assert len(set(WORD_LIST)) == 256


def test_both_orders_of_the_keys_give_the_same_words() -> None:
    first, second = keys.public_of(keys.identity_new()), keys.public_of(keys.identity_new())
    phrase = safety_phrase(first, second)
    assert phrase == safety_phrase(second, first)
    assert len(phrase) == WORDS


def test_another_public_key_gives_another_phrase() -> None:
    first, second = keys.public_of(keys.identity_new()), keys.public_of(keys.identity_new())
    swapped = keys.public_of(keys.identity_new())
    assert safety_phrase(first, second) != safety_phrase(first, swapped)
