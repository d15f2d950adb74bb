"""Folding text for search and comparison: the one rule every search in Nearer uses.

What matches: capitals and accents are ignored ("zoe" finds "Zoë", "CAFE" finds
"café", decomposed or composed), compatibility forms are their plain letters ("ﬁ" is
"fi", "Straße" is "strasse"), and the typographic forms of apostrophes, quotes and
dashes are their typewriter ones, so "O’Brien" typed on a phone finds "O'Brien" typed
on a laptop and "well-being" finds "well—being".

What does not: punctuation is kept, not dropped, so "obrien" does not find
"O'Brien" and "dont" does not find "don't" (the word is typed as it is written, with
either apostrophe). Letters of their own stay apart: "Søren" is not "Soren".

Only the combining marks of the Latin, Greek and Cyrillic accent blocks are removed,
not every combining character: the marks that make a different letter in other
scripts (Japanese voicing marks, Indic vowel signs) are part of the word.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks removed after decomposition, so "cafe" finds "café" (and back).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u2039\u203a"  # ‘ ’ ‚ ‛ ′ ʼ ‹ ›
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb"  # “ ” „ ‟ « »
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b"  # ‐ ‑ ‒ – — ― − ⸺ ⸻
# One character for one: folding keeps the length, so a match's position in the
# folded text is its position in the original (search excerpts rely on it). A loop of
# replace() over the few present is about fifty times faster than str.translate.
_PUNCTUATION = tuple(
    (typographic, plain)
    for chars, plain in ((_APOSTROPHES, "'"), (_QUOTES, '"'), (_DASHES, "-"))
    for typographic in chars
)
# Characters that fold to a double quote: text holding one has quotes JSON did not
# escape once folded (journal search checks this before reading folded JSON).
FOLDS_TO_QUOTE = frozenset(_QUOTES)


def _plain_punctuation(text: str) -> str:
    for typographic, plain in _PUNCTUATION:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def fold(text: str) -> str:
    """Return ``text`` as every search compares it (the rule in the module docstring).

    ASCII text (most names and words) only needs ``lower()``: nothing in it decomposes,
    and ASCII apostrophes, quotes and dashes are already the plain ones.
    """
    if text.isascii():
        return text.lower()
    # casefold() can make composed letters again, hence decomposing on both sides.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return _plain_punctuation(_COMBINING.sub("", decomposed))


def ascii_fold(text: str) -> bytes:
    """Return ``fold(text)`` without its non-ASCII characters, as bytes, computed fast.

    Equal, character by character, to ``fold(text).encode("ascii", "ignore")`` (a
    test checks every code point). Dropping the same characters from both sides
    keeps every substring match, so an ASCII word found in ``fold(text)`` is always
    found here too: a safe pre-check, several times cheaper than ``fold``.
    """
    # ß is the one letter whose case folding (to "ss") decomposition does not cover.
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    decomposed = _plain_punctuation(unicodedata.normalize("NFKD", text))
    return decomposed.encode("ascii", "ignore").lower()


def fold_words(text: str) -> str:
    """Return ``fold(text)`` with runs of white space made one space, ends trimmed.

    For comparing whole names ("  Zoë  MÜLLER " is "zoe muller").
    """
    return " ".join(fold(text).split())


# Characters never kept in text that arrives from outside (an imported contact's name,
# note or label): C0 and C1 control characters other than tab and new line (ESC
# starts terminal colour codes) and the bidirectional embeddings, overrides and
# isolates, which make a name read backwards ("‮txt.exe" shows as "exe.txt").
_UNSAFE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """Return ``text`` without control characters (tab and new line stay) and without
    the bidirectional overrides U+202A–U+202E and U+2066–U+2069."""
    return _UNSAFE_CONTROLS.sub("", text)
