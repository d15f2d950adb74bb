"""lib.text.fold: the one folding rule (what matches is decided in its docstring)."""

from __future__ import annotations

import sys

from nearer.lib.text import ascii_fold, fold, fold_words


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café CRÈME") == "cafe creme"
    assert fold("Straße") == "strasse"
    assert fold("ﬁne") == "fine"
    assert fold("plain ascii") == "plain ascii"
    assert fold("Zoë") == fold("ZOE") == fold("zoe\u0308") == "zoe"


def test_typographic_apostrophes_quotes_and_dashes_are_the_plain_ones() -> None:
    assert fold("O’Brien") == fold("O‘Brien") == fold("Oʼbrien") == fold("O'Brien") == "o'brien"
    assert fold("“Hi” «là»") == '"hi" "la"'
    assert fold("well—being – a‒b −1") == "well-being - a-b -1"


def test_punctuation_is_kept_and_own_letters_stay_apart() -> None:
    assert fold("O'Brien") != fold("OBrien")
    assert fold("Søren") != fold("Soren")
    # A Japanese voicing mark makes another letter: it is not an accent.
    assert fold("が") != fold("か")


def test_fold_keeps_the_length_of_text_it_changes_only_by_punctuation() -> None:
    text = "“Don’t” — she said ‘twice’"
    assert len(fold(text)) == len(text)


def test_ascii_fold_is_fold_without_non_ascii_for_every_code_point() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert ascii_fold(char) == fold(char).encode("ascii", "ignore"), hex(code)


def test_fold_words_makes_runs_of_space_one() -> None:
    assert fold_words("  Zoë \t MÜLLER ") == "zoe muller"
