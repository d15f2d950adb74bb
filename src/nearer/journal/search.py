"""Matching search words against opened entries, fast enough for ten years of writing.

Nothing here touches the database. The selector decrypts each entry's JSON and
asks :meth:`Query.may_match` (a cheap substring test on the raw bytes) before it
parses the few candidates and asks :meth:`Query.match` for the real answer.

Semantics: every word of the query must occur in the title, the body or a tag,
folded by ``nearer.lib.text.fold`` as every search in Nearer is (case and accents
ignored, "cafe" finds "Café"; typographic apostrophes, quotes and dashes are the
plain ones, "don’t" finds "don't"); for words written in ASCII letters, other
non-ASCII characters are skipped over ("wellbeing" finds "well•being").
An optional tag must equal one of the entry's tags, ignoring case. Words that only
occur in the JSON structure ("title", "body", a prompt key) never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nearer.journal.content import EntryContent, first_words
from nearer.lib.text import FOLDS_TO_QUOTE, ascii_fold, fold

# Characters JSON writes escaped; a pre-check piece never spans one (see Query).
_JSON_ESCAPED = re.compile(r'["\\\x00-\x1f]+')
# What the tags' JSON list adds between and around the tags themselves.
_LIST_PUNCTUATION = re.compile(rb"[\[\],]")
# Curly double quotes, as UTF-8: once folded they look like JSON's own quotes.
_QUOTES_UTF8 = tuple(quote.encode("utf-8") for quote in FOLDS_TO_QUOTE)


class _Field:
    """One field of an entry, folded lazily, only as far as the search words need."""

    __slots__ = ("_ascii", "_folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._ascii: bytes | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def has(self, term: str, ascii_term: bytes | None) -> bool:
        """Return True when the folded ``term`` occurs in this field."""
        if ascii_term is None:
            return term in self.folded
        if self._ascii is None:
            text = self.text
            self._ascii = text.lower().encode("ascii") if text.isascii() else ascii_fold(text)
        return ascii_term in self._ascii


@dataclass(frozen=True)
class Match:
    """An entry matched; ``body_term`` is the first folded word found in its body."""

    body_term: str | None


class Query:
    """Folded search words (and tag), ready to test many entries quickly."""

    def __init__(self, text: str, tag: str | None = None) -> None:
        self.terms = [term for term in (fold(word) for word in text.split()) if term]
        self.tag = fold(" ".join((tag or "").split()).lstrip("#").strip())
        self._ascii_terms: list[bytes | None] = [
            term.encode("ascii") if term.isascii() else None for term in self.terms
        ]
        pieces = [
            piece
            for term in [*self.terms, self.tag]
            for piece in _JSON_ESCAPED.split(term)
            if piece
        ]
        # The sealed text is JSON, which escapes quotes, backslashes and control
        # characters; pieces split at those never miss a real match.
        self._pieces = pieces
        # Their ASCII letters: dropping the same characters from both sides keeps every
        # match, so these can be looked for in ascii_fold(text), which is cheap.
        self._ascii_pieces = [
            ascii_piece for piece in pieces if (ascii_piece := piece.encode("ascii", "ignore"))
        ]
        self._all_ascii = all(piece.isascii() for piece in pieces)
        # On the fully folded text only what match() looks for there: the words with
        # other letters and the tag. A word of ASCII letters is matched skipping other
        # characters ("wellbeing" finds "well•being"), so it may be absent here.
        self._utf8_pieces = [
            piece.encode("utf-8")
            for term in [*(term for term in self.terms if not term.isascii()), self.tag]
            for piece in _JSON_ESCAPED.split(term)
            if piece
        ]
        # Words that can be judged straight from the folded JSON (see _judge_fields):
        # nothing in them that JSON escapes, and no tag (a tag is compared whole).
        judgeable = (
            bool(self.terms)
            and not self.tag
            and not any(_JSON_ESCAPED.search(term) for term in self.terms)
        )
        self._judge_terms = [term.encode("utf-8") for term in self.terms] if judgeable else []

    @property
    def empty(self) -> bool:
        return not self.terms and not self.tag

    def index_terms(self) -> list[tuple[bytes, bool]]:
        """Each word as UTF-8 and whether :meth:`match` looks for it among ASCII letters
        only (``search_index.MonthText.matches`` judges exactly as :meth:`match`)."""
        return [
            (term.encode("utf-8"), ascii_term is not None)
            for term, ascii_term in zip(self.terms, self._ascii_terms, strict=True)
        ]

    def check(self, raw: bytes) -> bool | None:
        """Judge an entry from its decrypted JSON ``raw`` without parsing it, if possible.

        Return False when it surely does not match, True when it surely does, and
        None when only parsing the JSON and calling :meth:`match` can tell. Raises
        UnicodeDecodeError on bad UTF-8.
        """
        text_is_ascii = raw.isascii()
        if not self._all_ascii and text_is_ascii:
            return False  # a piece with non-ASCII letters cannot occur in ASCII text
        ascii_hay = raw.lower() if text_is_ascii else ascii_fold(raw.decode("utf-8"))
        if not all(piece in ascii_hay for piece in self._ascii_pieces):
            return False
        folded_hay = b""
        if not self._all_ascii:
            # Words with other letters: compare on the fully folded text, as UTF-8
            # (a byte match of whole UTF-8 characters is a character match).
            folded_hay = fold(raw.decode("utf-8")).encode("utf-8")
            if not all(piece in folded_hay for piece in self._utf8_pieces):
                return False
        if not self._judge_terms:
            return None
        if not text_is_ascii and any(quote in raw for quote in _QUOTES_UTF8):
            # Folded, a curly quote is a bare '"': the fields can't be told apart safely.
            return None
        # Each word is judged as match() would: ASCII words on the ASCII-folded text.
        return _judge_fields(
            [(term, ascii_hay if term.isascii() else folded_hay) for term in self._judge_terms]
        )

    def match(self, content: EntryContent) -> Match | None:
        """Return how ``content`` matches every word (and the tag), or None."""
        tags = [_Field(tag) for tag in content.tags]
        if self.tag and not any(tag.folded == self.tag for tag in tags):
            return None
        title, body = _Field(content.title), _Field(content.body)
        body_term: str | None = None
        for term, ascii_term in zip(self.terms, self._ascii_terms, strict=True):
            if body_term is None and body.has(term, ascii_term):
                body_term = term
            elif not (
                title.has(term, ascii_term)
                or any(tag.has(term, ascii_term) for tag in tags)
                or body.has(term, ascii_term)
            ):
                return None
        return Match(body_term=body_term)


# The sealed JSON is written compactly with its keys in this order (see
# EntryContent.as_json and Vault.seal_json); anything else takes the slow path.
_TITLE_START = b'{"title":"'
_BODY_KEY = b'","body":"'
_TAGS_KEY = b'","tags":['
_KIND_KEY = b'],"kind":"'


def _regions(hay: bytes) -> tuple[bytes, bytes, bytes] | None:
    """Split folded entry JSON into its JSON-encoded title, body and tags, or None.

    Quotes inside values are escaped, so the structural separators cannot occur
    within the title, body or tags that come before them.
    """
    if not hay.startswith(_TITLE_START):
        return None
    body_at = hay.find(_BODY_KEY)
    tags_at = hay.find(_TAGS_KEY, body_at + len(_BODY_KEY)) if body_at >= 0 else -1
    kind_at = hay.rfind(_KIND_KEY)
    if body_at < 0 or tags_at < 0 or kind_at < tags_at:
        return None
    title = hay[len(_TITLE_START) - 1 : body_at + 1]
    body = hay[body_at + len(_BODY_KEY) - 1 : tags_at + 1]
    tags = hay[tags_at + len(_TAGS_KEY) - 1 : kind_at + 1]
    return title, body, tags


def _clean_occurrence(term: bytes, region: bytes) -> bool | None:
    """True if ``term`` occurs in ``region`` away from any JSON escape, False if not at
    all, None if only right after a backslash (``\\nice`` is a newline before "ice")."""
    at = region.find(term)
    if at < 0:
        return False
    while at >= 0:
        # The longest escape is \uXXXX: a backslash within six bytes may own the start.
        if b"\\" not in region[max(0, at - 6) : at]:
            return True
        at = region.find(term, at + 1)
    return None


def _judge_fields(terms_and_hays: list[tuple[bytes, bytes]]) -> bool | None:
    """Decide whether every word occurs in the title, body or tags of its folded entry
    JSON, or return None when unsure (a different layout, or only next to an escape)."""
    regions_of: dict[int, tuple[bytes, bytes, bytes] | None] = {}
    unsure = False
    for term, hay in terms_and_hays:
        if id(hay) not in regions_of:
            regions_of[id(hay)] = _regions(hay)
        regions = regions_of[id(hay)]
        if regions is None:
            return None
        found = [_clean_occurrence(term, region) for region in regions]
        if found[2] is True and _LIST_PUNCTUATION.search(term):
            found[2] = None  # perhaps only the list's own brackets and commas
        if True in found:
            continue
        if None not in found:
            return False
        unsure = True
    return None if unsure else True


def excerpt(
    body: str, term: str | None, *, before: int = 70, after: int = 140
) -> tuple[str, str, str]:
    """Return (text before, the match, text after) around ``term`` in ``body``.

    ``term`` is folded; when folding changed the body's length (ß → ss) positions
    cannot be mapped back, and the excerpt is the start of the body instead.
    """
    folded = fold(body)
    position = folded.find(term) if term else -1
    if position < 0 or len(folded) != len(body):
        return first_words(body, 30), "", ""
    end = position + len(term or "")
    start = max(0, position - before)
    if start > 0:
        space = body.find(" ", start, position)
        start = space + 1 if space != -1 else start
    stop = min(len(body), end + after)
    if stop < len(body):
        space = body.rfind(" ", end, stop)
        stop = space if space != -1 else stop
    head = ("…" if start > 0 else "") + body[start:position]
    tail = body[end:stop] + ("…" if stop < len(body) else "")
    return head, body[position:end], tail
