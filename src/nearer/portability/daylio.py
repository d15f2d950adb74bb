"""Reading Daylio's CSV export.

Daylio (Settings → Export entries → CSV) writes one row per entry, newest first,
under the header

    full_date,date,weekday,time,mood,activities,note_title,note

``full_date`` is the day ("2024-03-15"), ``time`` the time of day ("20:15", or
"8:15 PM" on a 12-hour phone), ``mood`` the mood's name as the person set it (the
five defaults are rad, good, meh, bad and awful; moods can be renamed and added),
``activities`` the activities joined by " | ", and ``note_title`` / ``note`` what
they wrote (older exports have no ``note_title``). Columns are found by their name,
so their order does not matter; ``date`` and ``weekday`` are not needed.

The file is read line by line (``text_lines``: UTF-8, at most ``MAX_LINE``
characters a line) and stops at ``MAX_ROWS`` rows and ``MAX_MOODS`` mood names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from nearer.journal.rules import MAX_BODY
from nearer.portability.import_files import UnreadableFile, text_lines

__all__ = [
    "MAX_LINE",
    "MAX_MOODS",
    "MAX_ROWS",
    "DaylioRow",
    "Parsed",
    "Problem",
    "mood_key",
    "parse_daylio",
]

# Ten years of a few entries a day; the import is one transaction.
MAX_ROWS = 20_000
MAX_LINE = MAX_BODY
# Daylio offers five moods and a few custom ones in each; past this it is not Daylio.
MAX_MOODS = 50
# A mood's name as Daylio allows it, with room.
MAX_MOOD_NAME = 40

REQUIRED = ("full_date", "time", "mood")


@dataclass(frozen=True, slots=True)
class DaylioRow:
    """One row as Daylio wrote it; ``number`` counts rows from 1 below the header."""

    number: int
    day: date
    time: str
    mood: str
    activities: tuple[str, ...]
    note_title: str
    note: str


@dataclass(frozen=True, slots=True)
class Problem:
    number: int
    reason: str


@dataclass(frozen=True, slots=True)
class Parsed:
    rows: tuple[DaylioRow, ...]
    problems: tuple[Problem, ...]
    # Each mood name found (its first spelling), in the order first met.
    moods: tuple[str, ...]


def mood_key(name: str) -> str:
    """A mood's name as moods are compared: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def _time(value: str) -> str | None:
    text = " ".join(value.upper().replace("AM", " AM").replace("PM", " PM").split())
    for fmt in ("%H:%M", "%I:%M %p", "%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).strftime("%H:%M")  # noqa: DTZ007 (wall clock)
        except ValueError:
            continue
    return None


def _lines(data: bytes | IO[bytes]) -> Iterator[str]:
    # csv wants each line with its end, so a note of several lines keeps its breaks.
    for line in text_lines(data, max_line=MAX_LINE):
        yield line + "\n"


def parse_daylio(data: bytes | IO[bytes]) -> Parsed:
    """Read a Daylio CSV export; return its rows, what was left out and the moods found.

    Raises UnreadableFile (with a message for the person) when the bytes are not such
    an export, are not UTF-8 text, or pass a limit.
    """
    reader = csv.reader(_lines(data), strict=False)
    try:
        header = next(reader, None)
        if header is None:
            raise UnreadableFile("The file is empty, so there was nothing to import.")
        names = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            raise UnreadableFile(
                "This does not look like a Daylio export: its first line should name the "
                "columns full_date, date, weekday, time, mood, activities, note_title and "
                "note. Nothing was saved."
            )
        at = {name: names.index(name) for name in reversed(names)}
        rows: list[DaylioRow] = []
        problems: list[Problem] = []
        moods: dict[str, str] = {}
        for number, record in enumerate(reader, start=1):
            if number > MAX_ROWS:
                raise UnreadableFile(
                    f"The file holds more than {MAX_ROWS:,} rows, so it was not read and "
                    "nothing was saved."
                )
            if not any(cell.strip() for cell in record):
                continue
            row = _row(number, record, at)
            if isinstance(row, str):
                problems.append(Problem(number, row))
                continue
            key = mood_key(row.mood)
            if key not in moods:
                if len(moods) == MAX_MOODS:
                    raise UnreadableFile(
                        f"The file names more than {MAX_MOODS} different moods, so it does "
                        "not look like a Daylio export. Nothing was saved."
                    )
                moods[key] = row.mood
            rows.append(row)
    except csv.Error:
        raise UnreadableFile(
            "The file could not be read as CSV (a note may be longer than a note can be), "
            "so nothing was saved. Please export it from Daylio again."
        ) from None
    return Parsed(rows=tuple(rows), problems=tuple(problems), moods=tuple(moods.values()))


def _cell(record: list[str], at: dict[str, int], name: str) -> str:
    index = at.get(name)
    return record[index] if index is not None and index < len(record) else ""


def _row(number: int, record: list[str], at: dict[str, int]) -> DaylioRow | str:
    """Return the row, or why it was left out."""
    try:
        day = date.fromisoformat(_cell(record, at, "full_date").strip())
    except ValueError:
        return "its date is not a day of the calendar"
    time = _time(_cell(record, at, "time"))
    if time is None:
        return "its time of day could not be read"
    mood = " ".join(_cell(record, at, "mood").split())
    if not mood:
        return "it has no mood"
    if len(mood) > MAX_MOOD_NAME:
        return f"its mood's name is longer than {MAX_MOOD_NAME} characters"
    activities = tuple(
        a for a in (" ".join(part.split()) for part in _cell(record, at, "activities").split("|"))
    )
    return DaylioRow(
        number=number,
        day=day,
        time=time,
        mood=mood,
        activities=tuple(a for a in activities if a),
        note_title=" ".join(_cell(record, at, "note_title").split()),
        note=_cell(record, at, "note").replace("\r\n", "\n").strip(),
    )
