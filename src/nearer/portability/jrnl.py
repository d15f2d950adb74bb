"""Reading a jrnl journal: its plain-text file, or what ``jrnl --export json`` writes.

The plain-text journal (jrnl's own file, default ``timeformat`` "%Y-%m-%d %H:%M")
is a run of entries, each starting on a line

    [2024-03-15 09:30] The title, up to the end of the line
    The body, every line up to the next entry line.

Older jrnl versions wrote the date without the square brackets; both are read, with
or without seconds. A title ending in `` *`` (or ``*``) is a starred entry. Tags are
words after ``@`` anywhere in the title or body (jrnl's default tag symbol).

The JSON export is ``{"tags": {...}, "entries": [{"date": "2024-03-15",
"time": "09:30", "title": ..., "body": ..., "tags": ["@tag"], "starred": false}]}``.

Both are read line by line (``text_lines``: UTF-8, at most ``MAX_LINE`` characters a
line) and stop at ``MAX_ENTRIES``; nothing else is held but the entries read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from nearer.journal.rules import MAX_BODY
from nearer.portability.import_files import UnreadableFile, text_lines

__all__ = ["MAX_ENTRIES", "MAX_LINE", "JrnlEntry", "Parsed", "parse_jrnl"]

# Ten years of two entries a day, with room: the import is one transaction.
MAX_ENTRIES = 20_000
# A line can be as long as a whole entry may be, no longer.
MAX_LINE = MAX_BODY

# "[2024-03-15 09:30] Title", or the older "2024-03-15 09:30 Title"; seconds and a
# 12-hour clock ("09:30 PM") are accepted too.
_STAMP = r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AaPp][Mm])?"
_ENTRY_LINE = re.compile(rf"^(?:\[(?P<b>{_STAMP})\]|(?P<p>{_STAMP})(?= |$)) ?(?P<title>.*)$")
# jrnl's tags: the symbol, then letters, digits and a few joiners (no trailing dot).
_TAG = re.compile(r"(?<![\w@])@([\w][\w\-/+]*\w|\w)")


@dataclass(frozen=True, slots=True)
class JrnlEntry:
    """One entry as jrnl wrote it; ``number`` counts entries from 1 in file order."""

    number: int
    day: date
    time: str
    title: str
    body: str
    tags: tuple[str, ...]
    starred: bool


@dataclass(frozen=True, slots=True)
class Problem:
    """An entry that was left out, and why (for the person)."""

    number: int
    reason: str


@dataclass(frozen=True, slots=True)
class Parsed:
    entries: tuple[JrnlEntry, ...]
    problems: tuple[Problem, ...]
    kind: str  # "text" or "json"


def tags_in(*texts: str) -> tuple[str, ...]:
    """Return the @tags of ``texts`` without the symbol, first spelling first."""
    seen: dict[str, str] = {}
    for text in texts:
        for found in _TAG.findall(text):
            seen.setdefault(found.lower(), found)
    return tuple(seen.values())


# jrnl's default form, read without strptime (a third of reading a journal went there).
_PLAIN_STAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{1,2}):([0-9]{2})(?::[0-5][0-9])?"
)


def _when(stamp: str) -> tuple[date, str] | None:
    """Return the day and "HH:MM" of a jrnl time stamp, or None if it is no real moment."""
    plain = _PLAIN_STAMP.fullmatch(stamp.strip())
    if plain:
        year, month, day, hour, minute = (int(part) for part in plain.groups())
        if hour > 23 or minute > 59:
            return None
        try:
            return date(year, month, day), f"{hour:02d}:{minute:02d}"
        except ValueError:
            return None
    stamp = stamp.strip().upper().replace("AM", " AM").replace("PM", " PM")
    stamp = " ".join(stamp.split())
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p", "%Y-%m-%d %I:%M:%S %p"):
        try:
            moment = datetime.strptime(stamp, fmt)  # noqa: DTZ007 (a wall-clock time, no zone)
        except ValueError:
            continue
        return moment.date(), moment.strftime("%H:%M")
    return None


def _too_many() -> UnreadableFile:
    return UnreadableFile(
        f"The file holds more than {MAX_ENTRIES:,} entries, so it was not read and nothing "
        "was saved. Please export a few years at a time (jrnl -from … -to … --export json) "
        "and import each file in turn."
    )


def parse_jrnl(data: bytes | IO[bytes]) -> Parsed:
    """Read a jrnl journal file or JSON export; return its entries and what was left out.

    Raises UnreadableFile (with a message for the person) when the bytes are not a
    jrnl journal at all, are not UTF-8 text, have a line longer than MAX_LINE, or hold
    more than MAX_ENTRIES entries.
    """
    lines = text_lines(data, max_line=MAX_LINE)
    first = ""
    for line in lines:
        if line.strip():
            first = line
            break
    if not first:
        raise UnreadableFile("The file is empty, so there was nothing to import.")
    if first.lstrip().startswith("{"):
        return _parse_json(first, lines)
    return _parse_text(first, lines)


def _parse_text(first: str, lines: Iterator[str]) -> Parsed:
    entries: list[JrnlEntry] = []
    problems: list[Problem] = []
    current: tuple[re.Match[str], list[str]] | None = None
    number = 0

    def finish() -> None:
        if current is None:
            return
        match, body_lines = current
        when = _when(match.group("b") or match.group("p"))
        if when is None:
            problems.append(Problem(number, "its date is not a day of the calendar"))
            return
        title = match.group("title").rstrip()
        starred = title.endswith("*")
        if starred:
            title = title[:-1].rstrip()
        body = "\n".join(body_lines).strip("\n")
        entries.append(
            JrnlEntry(
                number=number,
                day=when[0],
                time=when[1],
                title=title,
                body=body,
                tags=tags_in(title, body),
                starred=starred,
            )
        )

    if not _ENTRY_LINE.match(first):
        raise UnreadableFile(
            "This does not look like a jrnl journal: its first line should start with a "
            "date and time, like “[2024-03-15 09:30] A title”. Nothing was saved."
        )
    for line in _chain(first, lines):
        if found := _ENTRY_LINE.match(line):
            finish()
            number += 1
            if number > MAX_ENTRIES:
                raise _too_many()
            current = (found, [])
        elif current is not None:
            current[1].append(line)
    finish()
    return Parsed(entries=tuple(entries), problems=tuple(problems), kind="text")


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _parse_json(first: str, lines: Iterator[str]) -> Parsed:
    # JSON cannot be read a line at a time with the standard library; the upload is
    # already capped in size, and each line was capped while it was read.
    text = "\n".join(_chain(first, lines))
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise UnreadableFile(
            "The file starts like a jrnl JSON export but is not valid JSON, so nothing was "
            "saved. Please export it again with jrnl --export json."
        ) from None
    raw = value.get("entries") if isinstance(value, dict) else None
    if not isinstance(raw, list):
        raise UnreadableFile(
            "This JSON file has no list of “entries”, so it is not a jrnl export. "
            "Nothing was saved."
        )
    if len(raw) > MAX_ENTRIES:
        raise _too_many()
    entries: list[JrnlEntry] = []
    problems: list[Problem] = []
    for number, item in enumerate(raw, start=1):
        entry = _json_entry(number, item)
        if isinstance(entry, str):
            problems.append(Problem(number, entry))
        else:
            entries.append(entry)
    return Parsed(entries=tuple(entries), problems=tuple(problems), kind="json")


def _json_entry(number: int, item: Any) -> JrnlEntry | str:
    """Return the entry, or why it was left out."""
    if not isinstance(item, dict):
        return "it is not an entry"
    day, time = item.get("date"), item.get("time", "00:00")
    title, body = item.get("title", ""), item.get("body", "")
    if not isinstance(day, str) or not isinstance(time, str):
        return "it has no date"
    when = _when(f"{day} {time}")
    if when is None:
        return "its date is not a day of the calendar"
    if not isinstance(title, str) or not isinstance(body, str):
        return "its title or text is not text"
    tags = item.get("tags", [])
    listed = (
        tuple(str(t).lstrip("@") for t in tags if isinstance(t, str) and t.lstrip("@"))
        if isinstance(tags, list)
        else ()
    )
    found = {t.lower() for t in listed}
    more = tuple(t for t in tags_in(title, body) if t.lower() not in found)
    return JrnlEntry(
        number=number,
        day=when[0],
        time=when[1],
        title=title.strip(),
        body=body.replace("\r\n", "\n").strip("\n"),
        tags=listed + more,
        starred=item.get("starred") is True,
    )
