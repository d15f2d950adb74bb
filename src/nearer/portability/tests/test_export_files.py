"""The zip's readable files parse with the tools other programs use: CSV, vCard 4.0
(vobject), iCalendar (icalendar) and Markdown with its front matter."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime

import icalendar
import vobject

from nearer.conftest import Person
from nearer.portability.export_stream import ExportRequest, export_chunks
from nearer.portability.tests.full_account import SAM_NAME, build_full_account


def exported(person: Person) -> zipfile.ZipFile:
    request = ExportRequest(user=person.user, vault=person.vault, exported_at=datetime.now(tz=UTC))
    return zipfile.ZipFile(io.BytesIO(b"".join(export_chunks(request))))


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split a Markdown file into its front matter (values as JSON/YAML scalars) and body."""
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    fields: dict[str, object] = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        fields[key] = value if key == "date" else json.loads(value)
    return fields, body.lstrip("\n")


def test_every_journal_entry_is_a_markdown_file_with_its_front_matter(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    with exported(alice) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("journal/"))
        files = [archive.read(n).decode() for n in names]
    assert len(names) == 3
    parsed = [front_matter(text) for text in files]
    guided = next(fields for fields, _ in parsed if fields["title"] == 'A "guided" evening: quiet')
    assert guided["tags"] == ["lake", "evening"]
    assert isinstance(guided["prompt"], str)
    assert date.fromisoformat(str(guided["date"]))
    body = next(body for fields, body in parsed if fields is guided)
    assert body == "Wrote about the lake.\n\n---\nnot front matter\n"


def test_the_csv_files_read_back_with_a_header(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    with exported(alice) as archive:
        checkins = list(csv.DictReader(io.StringIO(archive.read("check-ins.csv").decode())))
        scales = list(csv.DictReader(io.StringIO(archive.read("scale-results.csv").decode())))
        moments = list(csv.DictReader(io.StringIO(archive.read("moments.csv").decode())))
    assert len(checkins) == 1
    assert checkins[0]["time"] == "07:45"
    assert checkins[0]["emotion"] == "Calm"
    assert checkins[0]["people"] == "Sammy <b>"
    # A note that a spreadsheet would run as a formula is shown as text.
    assert checkins[0]["note"] == "'=cmd| a note that looks like a formula"
    assert checkins[0]["pleasantness"] == "1" and checkins[0]["energy"] == "-1"
    assert scales == [
        {
            "date": scales[0]["date"],
            "taken_at_utc": scales[0]["taken_at_utc"],
            "scale": "who5",
            "answers": "3 4 2 5 1",
            "total": "15",
        }
    ]
    dinner = next(m for m in moments if m["note"] == "Dinner by the water")
    assert dinner["minutes"] == "95" and dinner["time"] == "18:30"
    assert dinner["kinds"] == "emotional experiential"
    assert sorted(dinner["people"].split("; ")) == ["Kitterick Archivedperson", "Sammy <b>"]


def test_people_are_vcards_of_version_4(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    with exported(alice) as archive:
        cards = list(vobject.readComponents(archive.read("people.vcf").decode()))
    assert {card.version.value for card in cards} == {"4.0"}
    sam = next(card for card in cards if card.fn.value == SAM_NAME)
    assert sam.nickname.value == "Sammy <b>"
    assert sam.bday.value == "19920229"
    assert sam.anniversary.value == "--0612"
    assert sam.note.value == "Likes long walks;\nand =SUM(A1) in notes"
    kit = next(card for card in cards if card.fn.value != SAM_NAME)
    assert kit.bday.value == "--0401"


def test_important_dates_are_a_calendar_repeating_every_year(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    with exported(alice) as archive:
        calendar = icalendar.Calendar.from_ical(archive.read("important-dates.ics"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    by_summary = {str(e["SUMMARY"]): e for e in events}
    birthday = by_summary["Sammy <b>: birthday"]
    assert birthday.decoded("DTSTART") == date(1992, 2, 29)
    assert birthday.decoded("RRULE") == {"FREQ": ["YEARLY"]}
    met = by_summary["Sammy <b>: met at the lake"]
    assert met.decoded("DTSTART") == date(2000, 6, 12)
    assert by_summary["Kitterick Archivedperson: birthday"].decoded("DTSTART") == date(2000, 4, 1)


def test_the_readme_says_what_each_file_is(alice: Person) -> None:
    with exported(alice) as archive:
        readme = archive.read("README.txt").decode()
        names = set(archive.namelist())
    for name in (
        "nearer-export.json",
        "check-ins.csv",
        "scale-results.csv",
        "moments.csv",
        "people.vcf",
        "important-dates.ics",
    ):
        assert name in names
        assert name in readme
    assert "NOT encrypted" in readme
