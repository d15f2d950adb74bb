"""Reading a contacts file (.vcf, vCard 2.1, 3.0 and 4.0, as phones export them).

``parse_vcards(data)`` turns an uploaded file (its bytes, or the file itself, read
line by line) into plain dataclasses:
the cards that could be read (name, nickname, note, important dates) and the
problems met on the way (a card number, the card's name if one was read, and a
short reason — never the raw line, which may hold anything).

The vobject library does the vCard work: unfolding folded lines,
quoted-printable (old Android exports), splitting a content line into its name,
parameters and value, unescaping text and splitting structured names. This
module only chooses which cards and properties matter to Nearer:

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
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any, cast

from vobject.base import ContentLine, getLogicalLines, parseLine
from vobject.icalendar import stringToTextValues
from vobject.vcard import splitFields

if TYPE_CHECKING:
    # Only the type: the parser itself needs no Django, so it runs anywhere.
    from nearer.people.content import DateKind

# Longest values kept (the same as people.rules allows); longer ones are cut and the
# preview says so. Kept here as numbers so the parser needs no Django.
MAX_NAME = 200
MAX_NICKNAME = 100
MAX_NOTE = 20_000
MAX_LABEL = 80
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
# Binary properties: skipped with their continuation lines before any parsing.
_BINARY = frozenset({b"PHOTO", b"LOGO", b"SOUND", b"KEY"})
_ANNIVERSARY = frozenset(
    {"ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY"}
)
_WANTED = frozenset(
    {"FN", "N", "NICKNAME", "ORG", "NOTE", "BDAY", "X-ABDATE", "X-ABLABEL", "X-ANDROID-CUSTOM"}
    | _ANNIVERSARY
)
# Control characters other than tab and newline: never kept in a name or a note.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
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
    reading = _Lines(stream)
    for number, lines, closed in _card_chunks(reading, max_cards=max_cards):
        found = number
        card, problem = _read_card(number, lines, closed=closed)
        if card is not None:
            cards.append(card)
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


def _card_chunks(reading: _Lines, *, max_cards: int) -> Iterator[tuple[int, list[bytes], bool]]:
    """Yield (card number, its lines, whether END was seen) while reading the stream.

    Lines of binary properties (PHOTO, ...) and their continuations are dropped here;
    non-blank lines outside any card are counted in ``reading.stray``. Raises
    TooManyCards at the BEGIN of card ``max_cards + 1``, reading nothing after it.
    """
    number = 0
    inside = False
    lines: list[bytes] = []
    skipping = False
    for line in reading.lines():
        if _BEGIN.match(line):
            if inside:
                yield number, lines, False
            if number == max_cards:
                raise TooManyCards(max_cards)
            number += 1
            inside, lines, skipping = True, [], False
            continue
        if not inside:
            if line.strip():
                reading.stray += 1
            continue
        if _END.match(line):
            yield number, lines, True
            inside, lines, skipping = False, [], False
            continue
        if skipping:
            # Folded continuation (leading space) or base64 without folding (no colon).
            if not line.strip() or line[:1] in b" \t" or b":" not in line:
                continue
            skipping = False
        match = _PROPERTY_BYTES.match(line)
        if match and match.group(1).upper() in _BINARY:
            skipping = True
            continue
        lines.append(line)
    if inside:
        yield number, lines, False


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: older phones and Outlook wrote their Windows code page.
        return raw.decode("cp1252", errors="replace")


class _CardReader:
    """Collects what one card says while its lines are read."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.formatted = ""
        self.structured = ""
        self.organisation = ""
        self.nickname = ""
        self.note = ""
        self.dates: list[CardDate] = []
        self.apple_dates: dict[str, tuple[str, dict[str, Any]]] = {}
        self.apple_labels: dict[str, str] = {}
        self.unreadable_lines = 0
        self.unreadable_dates = 0
        self.shortened: list[str] = []

    def read(self, text: str) -> None:
        quoted_printable = "QUOTED-PRINTABLE" in text.upper()
        for line, _ in getLogicalLines(io.StringIO(text), allowQP=quoted_printable):
            match = _PROPERTY.match(line)
            name = match.group(1).upper().replace("_", "-") if match else ""
            if name not in _WANTED:
                if ":" not in line:
                    self.unreadable_lines += 1
                continue
            try:
                _, params, value, group = parseLine(line)
                # ContentLine decodes quoted-printable with the line's CHARSET.
                content = ContentLine(name, cast(Any, params), value or "", group, encoded=True)
                self._take(name, content)
            except Exception:  # any failure of one line is that line's problem, never a crash
                self.unreadable_lines += 1

    def _take(self, name: str, line: ContentLine) -> None:
        value = line.value
        params = cast(dict[str, Any], line.params)
        group = (line.group or "").lower()
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
            note = _clean_note(_text(value))
            self.note = f"{self.note}\n\n{note}" if self.note and note else self.note or note
        elif name == "BDAY":
            if not any(d.kind == "birthday" for d in self.dates):
                self._add_date("birthday", "", value, params)
        elif name in _ANNIVERSARY:
            self._add_date("anniversary", "", value, params)
        elif name == "X-ABDATE":
            self.apple_dates[group] = (value, params)
        elif name == "X-ABLABEL":
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
        if found not in self.dates:
            self.dates.append(found)

    def finish(self, *, closed: bool) -> tuple[Card | None, Problem | None]:
        for group, (value, params) in self.apple_dates.items():
            kind, label = _apple_kind(self.apple_labels.get(group, ""))
            self._add_date(kind, label, value, params)
        name = self.formatted or self.structured or self.organisation or self.nickname
        name = self._cut(name, MAX_NAME, "the name")
        nickname = self._cut(self.nickname, MAX_NICKNAME, "the nickname")
        if nickname == name:
            nickname = ""
        note = self._cut(self.note, MAX_NOTE, "the note")
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
        if self.shortened:
            reasons.append(f"{' and '.join(self.shortened)} was too long and was shortened")
        if not closed:
            reasons.append("the card was cut off before its end")
        return reasons


def _read_card(
    number: int, lines: list[bytes], *, closed: bool
) -> tuple[Card | None, Problem | None]:
    reader = _CardReader(number)
    text = _decode(b"\r\n".join(lines))
    reader.read(text)
    return reader.finish(closed=closed)


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
    return _SPACES.sub(" ", _CONTROL.sub("", value)).strip()


def _clean_note(value: str) -> str:
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


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
