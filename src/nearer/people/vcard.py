"""Reading a contacts file (.vcf, vCard 2.1, 3.0 and 4.0, as phones export them).

``parse_vcards(data)`` turns an uploaded file (its bytes, or the file itself, read
line by line) into plain dataclasses:
the cards that could be read (name, nickname, note, important dates) and the
problems met on the way (a card number, the card's name if one was read, and a
short reason — never the raw line, which may hold anything).

The vobject library does most of the vCard work: quoted-printable (old Android
exports), splitting a content line into its name, parameters and value, and
splitting structured names. This module chooses which cards and properties matter
to Nearer, and bounds what one card may cost:

* Cards are cut apart at BEGIN:VCARD / END:VCARD before vobject sees them, so
  one broken card never hides the good ones after it, and each card is decoded
  on its own (UTF-8, else Windows-1252 as older phones and Outlook wrote).
  (vobject's own ``readComponents`` stops at the first broken card and knows no
  Windows-1252, so it is not used to split the file.)
* The file is read as a stream, one line at a time, and reading stops at the
  ``MAX_CARDS + 1``-th card (``TooManyCards``): a file of a million tiny cards
  costs no more than one just over the limit.
* Pictures, logos, sounds and keys are dropped unread (a phone's PHOTO line can
  be megabytes of base64); nothing of them is kept.
* Only the properties Nearer stores are parsed: FN, N, NICKNAME, ORG (a last
  resort for the name), NOTE, BDAY, ANNIVERSARY and its X- forms, Apple's
  labelled X-ABDATE and Android's X-ANDROID-CUSTOM events and nicknames.
* Folded lines are joined here, as vobject's getLogicalLines would, but a line of
  more than ``MAX_LINE`` bytes is left out unread (vobject's unfolding took 140
  times a long line's size in memory), and the preview names the field.
* A card keeps at most ``MAX_DATES`` dates, a file ``MAX_FILE_DATES``; the date
  lines after those are counted, not parsed, and the preview says how many were
  left out. Notes past ``MAX_NOTE`` are not read. Every text kept loses its control
  and direction-override characters.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any, cast

from vobject.base import ContentLine, parseLine
from vobject.icalendar import stringToTextValues
from vobject.vcard import splitFields

from nearer.lib.text import without_controls

if TYPE_CHECKING:
    # Only the type: the parser itself needs no Django, so it runs anywhere.
    from nearer.people.content import DateKind

# Longest values kept (the same as people.rules allows); longer ones are cut and the
# preview says so. Kept here as numbers so the parser needs no Django.
MAX_NAME = 200
MAX_NICKNAME = 100
MAX_NOTE = 20_000
MAX_LABEL = 80
# Most important dates kept from one card (people.rules.MAX_DATES, the most one person
# holds); the others are left out and the preview says how many.
MAX_DATES = 20
# Most dates kept from one file: saving each costs a seal and a row (100,000 of them,
# 20 on each of 5,000 cards, took 9 s to confirm); phones hold one or two a contact.
MAX_FILE_DATES = 20_000
# Longest content line read (unfolded, in bytes): room for a 20,000-character note in
# any encoding (4-byte characters, quoted-printable: 240 kB). A longer line is left out
# unread, and the preview says which field: parsing is never given more, so a 10 MB
# name costs no more than a 256 kB one.
MAX_LINE = 256 * 1024
# Labels kept from one card's grouped lines (Apple labels phones and e-mails too): a
# card with more is not a real one, and the labels of its dates past this are unnamed.
_MAX_LABELS = 500
# Most cards read from one file: more than any phone holds. Past it the file is
# refused as a whole (a preview of a million cards helps no one and costs minutes).
MAX_CARDS = 5_000
# Bytes looked at to tell a binary file from a text file without contacts.
_SAMPLE = 4096

_BEGIN = re.compile(rb"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
_END = re.compile(rb"^[ \t]*END[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
# A property's name at the start of a logical line, after an optional group ("item1.").
_PROPERTY = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9_-]+)")
_PROPERTY_BYTES = re.compile(rb"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9_-]+)[;:]")
# The same without the separator: the name Nearer decides by (as _PROPERTY reads it).
_NAME_BYTES = re.compile(rb"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9_-]+)")
# Binary properties: skipped with their continuation lines before any parsing.
_BINARY = frozenset({b"PHOTO", b"LOGO", b"SOUND", b"KEY"})
_ANNIVERSARY = frozenset(
    {"ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY"}
)
_WANTED = frozenset(
    {"FN", "N", "NICKNAME", "ORG", "NOTE", "BDAY", "X-ABDATE", "X-ABLABEL", "X-ANDROID-CUSTOM"}
    | _ANNIVERSARY
)
_DATES = frozenset({"BDAY", "X-ABDATE"} | _ANNIVERSARY)
# Bytes of a piece looked at for the property's name (group, name and separator).
_NAME_ROOM = 256
# What the preview calls a property whose line was too long to read.
_FIELD_WORDS = {
    "FN": "the name",
    "N": "the name",
    "ORG": "the name",
    "NICKNAME": "the nickname",
    "NOTE": "the note",
    "X-ABLABEL": "a label",
}
_SPACES = re.compile(r"\s+")
_FULL_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
# Apple writes its own words for standard labels as "_$!<Anniversary>!$_".
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
# Android's event types (ContactsContract.CommonDataKinds.Event).
_ANDROID_EVENT = "vnd.android.cursor.item/contact_event"
_ANDROID_NICKNAME = "vnd.android.cursor.item/nickname"
_ANDROID_EVENT_KINDS: dict[str, DateKind] = {"1": "anniversary", "3": "birthday"}


class NotAContactsFile(ValueError):
    """The file as a whole cannot be read as contacts; ``message`` says why, kindly."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TooManyCards(NotAContactsFile):
    """The file holds more than ``MAX_CARDS`` cards; nothing of it is kept."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"This file holds more than {limit:,} contacts, more than Nearer reads at "
            f"once. Export up to {limit:,} at a time (for example one group or one "
            "account) and import each file in turn."
        )


@dataclass(frozen=True, slots=True)
class CardDate:
    """An important day from a card; ``year`` is None when the card gives none."""

    kind: DateKind
    label: str
    month: int
    day: int
    year: int | None


@dataclass(frozen=True, slots=True)
class Card:
    """One contact that could be read. ``number`` is its place in the file, from 1."""

    number: int
    name: str
    nickname: str = ""
    note: str = ""
    dates: tuple[CardDate, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read.

    ``number`` is the card's place in the file (None for lines outside any card);
    ``name`` the card's name when one was read; ``skipped`` says whether the card
    is left out (True) or read in part (False).
    """

    number: int | None
    name: str
    reason: str
    skipped: bool


@dataclass(frozen=True, slots=True)
class ParsedFile:
    cards: tuple[Card, ...]
    problems: tuple[Problem, ...]


def parse_vcards(data: bytes | IO[bytes], *, max_cards: int = MAX_CARDS) -> ParsedFile:
    """Return the cards and problems in ``data`` (bytes, or a binary file read from
    where it stands, line by line); raise NotAContactsFile for a file that holds no
    vCards at all (empty, binary, another kind of file) and TooManyCards, having read
    no further, at the card after the ``max_cards``-th."""
    stream: IO[bytes] = io.BytesIO(data) if isinstance(data, bytes) else data
    cards: list[Card] = []
    problems: list[Problem] = []
    found = 0
    dates = 0
    reading = _Lines(stream)
    for chunk in _card_chunks(reading, max_cards=max_cards):
        found = chunk.number
        card, problem = _read_card(chunk, room=min(MAX_DATES, MAX_FILE_DATES - dates))
        if card is not None:
            cards.append(card)
            dates += len(card.dates)
        if problem is not None:
            problems.append(problem)
    stray = reading.stray
    if not found:
        if not stray:
            raise NotAContactsFile("The file is empty.")
        sample = bytes(reading.sample)
        if b"\x00" in sample or _mostly_binary(sample):
            raise NotAContactsFile(
                "This looks like a picture or another binary file, not a contacts file "
                "(.vcf). Export your contacts as a vCard file and choose that."
            )
        raise NotAContactsFile(
            "No contacts were found in this file. Choose a vCard file (.vcf), as your "
            "phone or address book exports it."
        )
    if stray:
        reason = f"{stray} line{'s' if stray != 1 else ''} outside any contact card ignored"
        problems.insert(0, Problem(number=None, name="", reason=reason, skipped=True))
    return ParsedFile(cards=tuple(cards), problems=tuple(problems))


class _Lines:
    """The lines of a stream without their endings (CR, LF or CRLF), as UTF-8.

    A UTF-16 file (some Windows tools write one, with a byte order mark) is decoded
    as it is read. Keeps the first bytes for telling a binary file apart, and counts
    the non-blank lines found outside any card (``stray``, set by ``_card_chunks``).
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.sample = bytearray()
        self.stray = 0

    def lines(self) -> Iterator[bytes]:
        first = True
        for line in self._raw():
            if first:
                line, first = line.removeprefix(b"\xef\xbb\xbf"), False
            if len(self.sample) < _SAMPLE:
                self.sample += line[:_SAMPLE] + b"\n"
            yield line

    def _raw(self) -> Iterator[bytes]:
        start = self.stream.read(2)
        encoding = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(start)
        if encoding is None:
            for piece in _prefixed(start, self.stream):
                # Each piece ends at LF; splitlines() also ends a line at a lone CR.
                yield from piece.splitlines()
            return
        # The byte order mark is read; the rest is decoded as it streams.
        text = io.TextIOWrapper(self.stream, encoding=encoding, errors="replace", newline="")
        try:
            for line in text:
                yield from line.encode("utf-8").splitlines()
        finally:
            text.detach()  # the upload is the caller's: never closed here


def _prefixed(start: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's pieces (each up to LF), the bytes already taken joined to the first."""
    # Through readline, not the stream's own iterator: "yield from" a file closes it
    # when this generator is closed early (at the card limit), and the file is not ours.
    rest = iter(stream.readline, b"")
    yield start + next(rest, b"")
    yield from rest


def _mostly_binary(sample: bytes) -> bool:
    if not sample:
        return False
    text_like = sum(1 for byte in sample if byte >= 0x20 or byte in b"\t\r\n")
    return text_like < 0.9 * len(sample)


@dataclass(slots=True)
class _Chunk:
    """One card as read from the stream: its wanted content lines, unfolded, still bytes.

    ``unreadable`` counts other lines without a colon; ``too_long`` names the fields of
    lines longer than MAX_LINE, left out unread.
    """

    number: int
    lines: list[bytes]
    closed: bool = False
    unreadable: int = 0
    too_long: list[str] | None = None


class _Unfolder:
    """Joins a card's physical lines into logical ones (as vobject's getLogicalLines
    does: a line starting with a space or tab continues the one before; a
    quoted-printable line ending in "=" goes on, after a new line, on the next) and
    keeps only the wanted ones, never more than MAX_LINE bytes of one.

    Pieces are joined once, at the line's end: no copy of a growing value per piece.
    A line's property name is known at its first ";" or ":" (a name may be folded
    too); until then its pieces are kept.
    """

    def __init__(self, chunk: _Chunk) -> None:
        self.chunk = chunk
        self._reset()

    def _reset(self) -> None:
        self.pieces: list[bytes] = []
        self.size = 0
        self.open = False
        # None until the name is known; then whether the line is one Nearer reads.
        self.wanted: bool | None = None
        self.name = ""
        self.has_colon = False
        self.too_long = False
        self.quoted_printable = False
        self.soft_break = False
        self.tail = b""

    def add(self, line: bytes) -> None:
        if not line:
            self.end()
            return
        if self.open and self.soft_break:
            self._extend(b"\n" + line)
        elif line[:1] in b" \t":
            if self.open:
                self._extend(line[1:])
            elif line.strip():
                self.open = True
                self._extend(line[1:])
        elif not line.strip():
            self.end()
            return
        else:
            self.end()
            self.open = True
            self._extend(line)
        self.soft_break = self.quoted_printable and line.endswith(b"=")

    def _extend(self, piece: bytes) -> None:
        # As vobject: "quoted-printable" anywhere in the line so far makes a final "="
        # a soft break. Looked for in each piece and the end of the one before (the
        # word may be folded), never in the whole line again.
        if not self.quoted_printable:
            self.quoted_printable = b"quoted-printable" in (self.tail + piece).lower()
            self.tail = piece[-15:]
        if self.wanted is None and (b":" in piece or b";" in piece):
            # The name ends at the first separator: the pieces before and this one's start.
            match = _NAME_BYTES.match(b"".join([*self.pieces, piece[:_NAME_ROOM]]))
            self.name = match.group(1).decode("ascii").upper().replace("_", "-") if match else ""
            self.wanted = self.name in _WANTED
            if not self.wanted:
                self.pieces, self.size = [], 0
        if self.wanted is False:
            # Not kept: only whether it has a colon matters (a line without is unreadable).
            self.has_colon = self.has_colon or b":" in piece
            return
        if self.too_long:
            return
        self.has_colon = self.has_colon or b":" in piece
        self.size += len(piece)
        if self.size > MAX_LINE:
            self.too_long, self.pieces = True, []
            return
        self.pieces.append(piece)

    def end(self) -> None:
        if not self.open:
            return
        chunk = self.chunk
        if self.too_long:
            if self.wanted is not False:
                word = _FIELD_WORDS.get(self.name, "a date" if self.wanted else "a line")
                chunk.too_long = [*(chunk.too_long or []), word]
        elif self.wanted:
            chunk.lines.append(b"".join(self.pieces))
        elif not self.has_colon:
            chunk.unreadable += 1
        self._reset()


def _card_chunks(reading: _Lines, *, max_cards: int) -> Iterator[_Chunk]:
    """Yield each card (see _Chunk) while reading the stream.

    Lines of binary properties (PHOTO, ...) and their continuations are dropped here;
    non-blank lines outside any card are counted in ``reading.stray``. Raises
    TooManyCards at the BEGIN of card ``max_cards + 1``, reading nothing after it.
    """
    number = 0
    chunk: _Chunk | None = None
    unfolder: _Unfolder | None = None
    skipping = False
    for line in reading.lines():
        if _BEGIN.match(line):
            if chunk is not None and unfolder is not None:
                unfolder.end()
                yield chunk
            if number == max_cards:
                raise TooManyCards(max_cards)
            number += 1
            chunk = _Chunk(number=number, lines=[])
            unfolder, skipping = _Unfolder(chunk), False
            continue
        if chunk is None or unfolder is None:
            if line.strip():
                reading.stray += 1
            continue
        if _END.match(line):
            unfolder.end()
            chunk.closed = True
            yield chunk
            chunk = unfolder = None
            continue
        if skipping:
            # Folded continuation (leading space) or base64 without folding (no colon).
            if not line.strip() or line[:1] in b" \t" or b":" not in line:
                continue
            skipping = False
        match = _PROPERTY_BYTES.match(line)
        if match and match.group(1).upper() in _BINARY:
            unfolder.end()
            skipping = True
            continue
        unfolder.add(line)
    if chunk is not None and unfolder is not None:
        unfolder.end()
        yield chunk


def _decode(lines: list[bytes]) -> list[str]:
    """The card's lines as text: all UTF-8, else all Windows-1252 (older phones and
    Outlook wrote their code page), decided for the card as a whole."""
    try:
        return [line.decode("utf-8") for line in lines]
    except UnicodeDecodeError:
        return [line.decode("cp1252", errors="replace") for line in lines]


class _CardReader:
    """Collects what one card says while its lines are read."""

    def __init__(self, number: int, *, room: int = MAX_DATES) -> None:
        self.number = number
        # How many dates this card may keep: MAX_DATES, or less when the file is full.
        self.room = room
        self.formatted = ""
        self.structured = ""
        self.organisation = ""
        self.nickname = ""
        self.notes: list[str] = []
        self.note_size = 0
        self.dates: list[CardDate] = []
        # The dates already kept, for telling a repeat in constant time.
        self.date_keys: set[CardDate] = set()
        self.extra_dates = 0
        self.apple_dates: dict[str, tuple[str, dict[str, Any]]] = {}
        self.apple_labels: dict[str, str] = {}
        self.unreadable_lines = 0
        self.unreadable_dates = 0
        self.shortened: list[str] = []
        self.too_long: list[str] = []

    def read(self, lines: list[str]) -> None:
        """Read the card's wanted logical lines (unfolded; see _Unfolder)."""
        for line in lines:
            match = _PROPERTY.match(line)
            name = match.group(1).upper().replace("_", "-") if match else ""
            if name in _DATES and len(self.dates) >= self.room:
                # Full: the rest is counted, not parsed (300,000 dates on one card
                # would take seconds to read only to be left out).
                self.extra_dates += 1
                continue
            if name == "NOTE" and self.note_size > MAX_NOTE:
                # The same for notes past what is kept.
                if "the note" not in self.shortened:
                    self.shortened.append("the note")
                continue
            try:
                _, raw_params, value, group = parseLine(line)
                if "QUOTED-PRINTABLE" in line[: line.find(":")].upper():
                    # ContentLine decodes quoted-printable with the line's CHARSET.
                    content = ContentLine(
                        name, cast(Any, raw_params), value or "", group, encoded=True
                    )
                    params = cast(dict[str, Any], content.params)
                    value = content.value
                else:
                    # The same parameters as ContentLine makes them, without its cost
                    # (a third of the time of a card of many dates).
                    params = _params(raw_params)
                self._take(name, value or "", params, (group or "").lower())
            except Exception:  # any failure of one line is that line's problem, never a crash
                self.unreadable_lines += 1

    def _take(self, name: str, value: str, params: dict[str, Any], group: str) -> None:
        if name == "FN" and not self.formatted:
            self.formatted = _one_line(_text(value))
        elif name == "N" and not self.structured:
            self.structured = _structured_name(value)
        elif name == "ORG" and not self.organisation:
            first = splitFields(value)[0] if value else ""
            self.organisation = _one_line(first if isinstance(first, str) else " ".join(first))
        elif name == "NICKNAME" and not self.nickname:
            self.nickname = _one_line(next((v for v in stringToTextValues(value) if v), ""))
        elif name == "NOTE":
            # Joined once, in finish(): joining each to all before was quadratic.
            note = _clean_note(_text(value))
            if note:
                self.notes.append(note)
                self.note_size += len(note) + 2
        elif name == "BDAY":
            if not any(d.kind == "birthday" for d in self.dates):
                self._add_date("birthday", "", value, params)
        elif name in _ANNIVERSARY:
            self._add_date("anniversary", "", value, params)
        elif name == "X-ABDATE":
            if len(self.apple_dates) < MAX_DATES or group in self.apple_dates:
                self.apple_dates[group] = (value, params)
            else:
                self.extra_dates += 1
        elif name == "X-ABLABEL":
            if len(self.apple_labels) < _MAX_LABELS:
                self.apple_labels[group] = _text(value)
        elif name == "X-ANDROID-CUSTOM":
            self._android(value)

    def _android(self, value: str) -> None:
        fields = [f if isinstance(f, str) else ",".join(f) for f in splitFields(value)]
        kind = fields[0].strip().lower() if fields else ""
        if kind == _ANDROID_NICKNAME and len(fields) > 1 and not self.nickname:
            self.nickname = _one_line(fields[1])
        elif kind == _ANDROID_EVENT and len(fields) > 1:
            event_type = fields[2].strip() if len(fields) > 2 else ""
            label = fields[3] if len(fields) > 3 and event_type == "0" else ""
            self._add_date(_ANDROID_EVENT_KINDS.get(event_type, "custom"), label, fields[1], {})

    def _add_date(self, kind: DateKind, label: str, value: str, params: dict[str, Any]) -> None:
        parsed = parse_card_date(value, omit_year=_omit_year(params))
        if parsed is None:
            self.unreadable_dates += 1
            return
        month, day, year = parsed
        label = _one_line(label)[:MAX_LABEL] if kind == "custom" else ""
        found = CardDate(kind=kind, label=label, month=month, day=day, year=year)
        if found in self.date_keys:
            return
        if len(self.dates) >= self.room:
            self.extra_dates += 1
            return
        self.dates.append(found)
        self.date_keys.add(found)

    def finish(self, *, closed: bool) -> tuple[Card | None, Problem | None]:
        for group, (value, params) in self.apple_dates.items():
            kind, label = _apple_kind(self.apple_labels.get(group, ""))
            self._add_date(kind, label, value, params)
        # A name with no letter or digit ("--", " . ") is no name: phones keep such
        # placeholder cards, and they must not become people called "--".
        name = next(
            (
                value
                for value in (self.formatted, self.structured, self.organisation, self.nickname)
                if any(character.isalnum() for character in value)
            ),
            "",
        )
        name = self._cut(name, MAX_NAME, "the name")
        nickname = self._cut(self.nickname, MAX_NICKNAME, "the nickname")
        if nickname == name:
            nickname = ""
        note = self._cut("\n\n".join(self.notes), MAX_NOTE, "the note")
        reasons = self._reasons(closed=closed)
        if not name:
            reason = "; ".join(["it has no name", *reasons])
            return None, Problem(number=self.number, name="", reason=reason, skipped=True)
        card = Card(
            number=self.number, name=name, nickname=nickname, note=note, dates=tuple(self.dates)
        )
        if not reasons:
            return card, None
        return card, Problem(
            number=self.number, name=name, reason="; ".join(reasons), skipped=False
        )

    def _cut(self, value: str, limit: int, what: str) -> str:
        if len(value) <= limit:
            return value
        if what not in self.shortened:
            self.shortened.append(what)
        return value[:limit].rstrip()

    def _reasons(self, *, closed: bool) -> list[str]:
        reasons = []
        if self.unreadable_lines:
            count = self.unreadable_lines
            reasons.append(f"{count} line{'s' if count != 1 else ''} could not be read")
        if self.unreadable_dates:
            count = self.unreadable_dates
            reasons.append(f"{count} date{'s' if count != 1 else ''} could not be read")
        if self.too_long:
            words = list(dict.fromkeys(self.too_long))
            reasons.append(f"{' and '.join(words)} was too long to read and was left out")
        if self.shortened:
            reasons.append(f"{' and '.join(self.shortened)} was too long and was shortened")
        if self.extra_dates:
            count = self.extra_dates
            why = (
                f"a person keeps up to {MAX_DATES}"
                if self.room == MAX_DATES
                else f"one file brings up to {MAX_FILE_DATES:,}"
            )
            more = "more " if self.dates else ""
            reasons.append(f"{count:,} {more}date{'s' if count != 1 else ''} left out: {why}")
        if not closed:
            reasons.append("the card was cut off before its end")
        return reasons


def _read_card(chunk: _Chunk, *, room: int) -> tuple[Card | None, Problem | None]:
    reader = _CardReader(chunk.number, room=room)
    reader.unreadable_lines = chunk.unreadable
    reader.too_long = list(chunk.too_long or [])
    reader.read(_decode(chunk.lines))
    return reader.finish(closed=chunk.closed)


def _params(raw: list[list[str]]) -> dict[str, list[str]]:
    """Return parseLine's parameters as ContentLine keeps them: by upper-case name."""
    params: dict[str, list[str]] = {}
    for name, *values in raw:
        if values:
            params.setdefault(name.upper(), []).extend(values)
    return params


def _text(value: str) -> str:
    """Return a TEXT value unescaped as vobject's ``stringToTextValues(value,
    listSeparator="")`` does (commas stay in the text), but with one regular
    expression: vobject walks the value a character at a time in Python, seconds for
    a file of 5,000 long notes. (A lone backslash at the end stays a backslash, where
    vobject writes "\\eof".)"""
    return _TEXT_ESCAPE.sub(_unescaped, value) if "\\" in value else value


# What vobject unescapes in TEXT: \\ \; \, \" and \n or \N (a new line); any other
# escaped character keeps its backslash.
_TEXT_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescaped(match: re.Match[str]) -> str:
    char = match.group(1)
    if char in "nN":
        return "\n"
    return char if char in '\\;,"' else "\\" + char


def _one_line(value: str) -> str:
    return _SPACES.sub(" ", without_controls(value)).strip()


def _clean_note(value: str) -> str:
    return without_controls(value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _structured_name(value: str) -> str:
    """Return "prefix given additional family suffix" from an N value."""
    fields = [f if isinstance(f, str) else " ".join(f) for f in splitFields(value)]
    fields += [""] * (5 - len(fields))
    family, given, additional, prefix, suffix = fields[:5]
    return _one_line(" ".join((prefix, given, additional, family, suffix)))


def _omit_year(params: dict[str, Any]) -> int | None:
    # Apple marks a birthday without a year by writing the year 1604 and this parameter.
    values = params.get("X-APPLE-OMIT-YEAR") or []
    try:
        return int(values[0]) if values else None
    except (TypeError, ValueError):
        return None


def _apple_kind(label: str) -> tuple[DateKind, str]:
    label = _one_line(label)
    match = _APPLE_LABEL.fullmatch(label)
    if match:
        word = match.group(1)
        if word.lower() == "anniversary":
            return "anniversary", ""
        return "custom", word
    return "custom", label


def parse_card_date(
    value: str, *, omit_year: int | None = None
) -> tuple[int, int, int | None] | None:
    """Return (month, day, year or None) of a vCard date, or None when it is not one.

    Reads 1990-04-01, 19900401, --0401, --04-01, with or without a time after "T";
    a year of 0, or the year named by Apple's X-APPLE-OMIT-YEAR, counts as unknown.
    """
    value = value.strip().split("T", 1)[0].strip()
    year: int | None
    full = _FULL_DATE.fullmatch(value)
    if full:
        year, month, day = int(full.group(1)), int(full.group(2)), int(full.group(3))
        if year == 0 or year == omit_year:
            year = None
    else:
        no_year = _NO_YEAR.fullmatch(value)
        if not no_year:
            return None
        year, month, day = None, int(no_year.group(1)), int(no_year.group(2))
    if not 1 <= month <= 12:
        return None
    if year is None:
        # Any day that exists in some year, 29 February included.
        return (month, day, None) if 1 <= day <= calendar.monthrange(2000, month)[1] else None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return month, day, year
