"""The export's readable files beside the JSON: Markdown, CSV, vCard 4.0, iCalendar.

Each function turns the items of ``export_data`` into the text of one file (or,
for the journal, one file per entry). They are views of the same data for other
programs; ``nearer-export.json`` stays the complete copy an import reads.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import icalendar
import vobject

from nearer.checkins.content import EMOTION_BY_KEY, QUADRANT_BY_KEY
from nearer.people.days import occurrence_in

# A spreadsheet runs a cell that starts with one of these as a formula; a note
# someone typed (or a contacts file brought in) must never run when opened.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Important dates without a year start their yearly repeat in a leap year, so a
# birthday on 29 February has a first occurrence.
YEARLESS_START = 2000


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_line(values: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


# --- Journal as Markdown -------------------------------------------------------


def entry_file_name(item: Mapping[str, Any], taken: set[str]) -> str:
    """``journal/YYYY/YYYY-MM-DD.md``, with ``-2``, ``-3``… for more entries that day."""
    day = str(item["date"])
    name = f"journal/{day[:4]}/{day}.md"
    number = 1
    while name in taken:
        number += 1
        name = f"journal/{day[:4]}/{day}-{number}.md"
    taken.add(name)
    return name


def entry_markdown(item: Mapping[str, Any]) -> str:
    """One entry as Markdown with a small front matter (date, title, tags, prompt).

    Front-matter values are JSON strings and lists, which YAML reads as they are,
    so any title (a colon, a quote, a line break) survives.
    """

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["---", f"date: {item['date']}", f"title: {text(item['title'])}"]
    lines.append(f"tags: {text(list(item['tags']))}")
    if item.get("prompt"):
        lines.append(f"prompt: {text(item['prompt'])}")
    lines.append("---")
    body = str(item["body"])
    return "\n".join(lines) + "\n\n" + body + ("" if body.endswith("\n") else "\n")


# --- CSV -----------------------------------------------------------------------

CHECKIN_COLUMNS = (
    "date",
    "time",
    "at_utc",
    "pleasantness",
    "energy",
    "emotion",
    "quadrant",
    "people",
    "tags",
    "note",
)
SCALE_COLUMNS = ("date", "taken_at_utc", "scale", "answers", "total")
MOMENT_COLUMNS = (
    "date",
    "time",
    "people",
    "how",
    "minutes",
    "kinds",
    "closeness",
    "opened_up",
    "note",
)


def _names(ids: Iterable[str], names: Mapping[str, str]) -> str:
    return "; ".join(names.get(person_id, "(someone no longer in People)") for person_id in ids)


def checkins_csv(items: Iterable[Mapping[str, Any]], names: Mapping[str, str]) -> Iterator[str]:
    """check-ins.csv, a header then one line per check-in."""
    yield _csv_line(CHECKIN_COLUMNS)
    for item in items:
        emotion = EMOTION_BY_KEY.get(str(item["emotion"]))
        yield _csv_line(
            (
                item["local_date"],
                item["time"],
                item["at"],
                item["pleasantness"],
                item["energy"],
                emotion.label if emotion else item["emotion"],
                QUADRANT_BY_KEY[emotion.quadrant].name if emotion else "",
                _cell(_names(item["people"], names)),
                _cell(", ".join(item["tags"])),
                _cell(str(item["note"])),
            )
        )


def scales_csv(items: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """scale-results.csv: the answers as numbers separated by spaces."""
    yield _csv_line(SCALE_COLUMNS)
    for item in items:
        answers = " ".join(str(answer) for answer in item["answers"])
        yield _csv_line((item["taken_on"], item["taken_at"], item["scale"], answers, item["total"]))


def moments_csv(items: Iterable[Mapping[str, Any]], names: Mapping[str, str]) -> Iterator[str]:
    """moments.csv, one line per moment."""
    yield _csv_line(MOMENT_COLUMNS)
    for item in items:
        yield _csv_line(
            (
                item["occurred_on"],
                item["time"] or "",
                _cell(_names(item["people"], names)),
                item["how"],
                "" if item["minutes"] is None else item["minutes"],
                " ".join(item["kinds"]),
                "" if item["closeness"] is None else item["closeness"],
                item["opened_up"],
                _cell(str(item["note"])),
            )
        )


# --- People as vCard 4.0 ---------------------------------------------------------


def _vcard_date(month: int, day: int, year: int | None) -> str:
    # RFC 6350 §4.3.1: "--MMDD" is a day and month without a year.
    return f"{year:04d}{month:02d}{day:02d}" if year else f"--{month:02d}{day:02d}"


def person_vcard(item: Mapping[str, Any]) -> str:
    """One person as a vCard 4.0: name, nickname, note, birthday and anniversary.

    Nearer's own words (relationship, circle) go in X-NEARER- properties, which other
    programs keep or ignore; custom days are in the iCalendar file.
    """
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("uid").value = f"urn:uuid:{item['id']}"
    card.add("fn").value = str(item["name"])
    card.add("n").value = vobject.vcard.Name(given=str(item["name"]))
    if item["called"]:
        card.add("nickname").value = str(item["called"])
    if item["notes"]:
        card.add("note").value = str(item["notes"])
    card.add("x-nearer-relationship").value = str(
        item["relationship_label"] or item["relationship"]
    )
    card.add("x-nearer-circle").value = str(item["circle"])
    for important in item["important_dates"]:
        kind = important["kind"]
        if kind in ("birthday", "anniversary"):
            prop = "bday" if kind == "birthday" else "anniversary"
            if prop not in card.contents:
                card.add(prop).value = _vcard_date(
                    important["month"], important["day"], important["year"]
                )
    return str(card.serialize())


# --- Important dates as iCalendar ------------------------------------------------

_KIND_WORDS = {"birthday": "birthday", "anniversary": "anniversary"}


def dates_ics(people: Iterable[Mapping[str, Any]], *, stamp: datetime) -> bytes:
    """important-dates.ics: one all-day event a year for every important date.

    The first occurrence is in the date's own year when it is known, otherwise in
    YEARLESS_START (a leap year); it repeats yearly (RFC 5545 skips 29 February in
    other years).
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Nearer//Your data export//EN")
    calendar.add("version", "2.0")
    for person in people:
        name = str(person["called"] or person["name"])
        for important in person["important_dates"]:
            kind = str(important["kind"])
            label = str(important["label"])
            what = label or _KIND_WORDS.get(kind, "day")
            start_year = important["year"] or YEARLESS_START
            first: date = occurrence_in(start_year, important["month"], important["day"])
            event = icalendar.Event()
            event.add("uid", f"{important['id']}@nearer")
            event.add("dtstamp", stamp)
            event.add("summary", f"{name}: {what}")
            event.add("dtstart", first)
            event.add("rrule", {"freq": "yearly"})
            event.add("categories", [kind])
            if important["year"]:
                event.add("description", f"Since {important['year']}.")
            calendar.add_component(event)
    return bytes(calendar.to_ical())


# --- README --------------------------------------------------------------------


def outer_readme() -> str:
    """README.txt of the encrypted download: what is inside and how to open it."""
    return "\n".join(
        [
            "Your data from Nearer, encrypted",
            "================================",
            "",
            "This zip is encrypted with AES-256 under the passphrase you chose. Keep the",
            "passphrase somewhere safe: without it nobody, Nearer included, can open it.",
            "",
            "Inside is nearer-export.zip, your export as it would be without a passphrase",
            "(its own README says what each file is). Open this zip with the passphrase in",
            "7-Zip, Keka, The Unarchiver, WinZip or `7z x`, then open nearer-export.zip.",
            "To bring it into Nearer, import this zip (with the passphrase) or the inner one.",
            "",
        ]
    )


def readme(
    *,
    encrypted: bool,
    written: Mapping[str, int],
    unreadable: Mapping[str, int],
    kinds: Iterable[tuple[str, str]],
    exported_at: datetime,
) -> str:
    """README.txt: what each file is, what was in it, and whether the zip is encrypted."""
    lines = [
        "Your data from Nearer",
        "=====================",
        "",
        f"Exported {exported_at:%d %B %Y at %H:%M} UTC.",
        "",
    ]
    if encrypted:
        lines += [
            "This zip came inside an AES-256 encrypted zip, opened with the passphrase you",
            "chose. This inner zip itself is not encrypted: once it is taken out, anyone",
            "with this file can read it. Keep it somewhere only you can reach.",
        ]
    else:
        lines += [
            "This zip is NOT encrypted. Anyone who has this file can read everything in it:",
            "your journal, your check-ins, the people in your life. Keep it somewhere only",
            "you can reach, or export again with a passphrase.",
        ]
    lines += [
        "",
        "What is inside",
        "--------------",
        "nearer-export.json   Everything, complete: the file Nearer imports again",
        "                     (Your data > Import a Nearer export). Its fields are",
        "                     described in Nearer's docs/export.md (format version 1).",
        "journal/             One Markdown file per journal entry, by year, with a small",
        "                     front matter: date, title, tags, prompt.",
        "check-ins.csv        Your check-ins, one a line.",
        "scale-results.csv    Your well-being scales, one result a line.",
        "moments.csv          Moments together, one a line.",
        "people.vcf           The people in your life as vCard 4.0 (contacts apps read it).",
        "important-dates.ics  Birthdays, anniversaries and other days, repeating every year",
        "                     (calendar apps read it).",
        "",
        "In the CSV files a cell of text that begins with = + - or @ starts with an",
        "apostrophe, so a spreadsheet shows it rather than running it as a formula.",
        "",
        "How much",
        "--------",
    ]
    for key, words in kinds:
        lines.append(f"{words}: {written.get(key, 0):,}")
    missing = sum(unreadable.values())
    if missing:
        lines += [
            "",
            f"{missing:,} stored item(s) could not be opened with your key and are not in",
            "this export (they were unreadable in Nearer too).",
        ]
    return "\n".join(lines) + "\n"
