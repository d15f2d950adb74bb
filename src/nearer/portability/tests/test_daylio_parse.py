"""Reading Daylio's CSV export."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.portability import daylio
from nearer.portability.daylio import mood_key, parse_daylio
from nearer.portability.import_files import UnreadableFile
from nearer.portability.tests.conftest import fixture_bytes

HEADER = b"full_date,date,weekday,time,mood,activities,note_title,note\n"


def test_it_reads_every_row_with_its_activities_and_note() -> None:
    parsed = parse_daylio(fixture_bytes("daylio.csv"))
    assert parsed.moods == ("good", "rad", "sleepy", "meh", "bad", "awful")
    second = parsed.rows[1]
    assert (second.day, second.time, second.mood, second.activities, second.note_title) == (
        date(2024, 3, 15),
        "21:40",
        "rad",
        ("friends", "walk"),
        "River path",
    )
    assert second.note == "We walked to the old mill.\nTalked about nothing at all."
    assert len(parsed.rows) == 6 and parsed.problems == ()


def test_it_reads_a_twelve_hour_clock_and_an_export_without_note_titles() -> None:
    parsed = parse_daylio(fixture_bytes("daylio_12h.csv"))
    assert [(r.time, r.mood, r.note) for r in parsed.rows] == [
        ("20:15", "Amazing", "Dinner out."),
        ("07:00", "rad", ""),
    ]


def test_a_row_with_a_bad_date_time_or_no_mood_is_left_out_with_its_number() -> None:
    data = HEADER + (
        b"2024-02-30,,,10:00,rad,,,\n2024-02-01,,,25:99,rad,,,\n2024-02-01,,,10:00, ,,,\n"
        b"2024-02-02,,,10:00,good,,,\n"
    )
    parsed = parse_daylio(data)
    assert [r.number for r in parsed.rows] == [4]
    assert [p.number for p in parsed.problems] == [1, 2, 3]


def test_moods_are_compared_ignoring_case_and_spacing() -> None:
    parsed = parse_daylio(HEADER + b"2024-02-02,,,10:00,Rad ,,,\n2024-02-03,,,10:00,rad,,,\n")
    assert parsed.moods == ("Rad",)
    assert mood_key(" RAD ") == mood_key("rad")


def test_a_file_that_is_not_a_daylio_export_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="does not look like a Daylio export"):
        parse_daylio(b"name,phone\nMaya,123\n")


def test_it_stops_past_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daylio, "MAX_ROWS", 2)
    rows = b"".join(b"2024-01-0%d,,,10:00,rad,,,\n" % day for day in (1, 2, 3))
    with pytest.raises(UnreadableFile, match="more than 2 rows"):
        parse_daylio(HEADER + rows)


def test_it_stops_past_the_mood_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daylio, "MAX_MOODS", 2)
    rows = b"".join(b"2024-01-01,,,10:00,mood%d,,,\n" % n for n in range(3))
    with pytest.raises(UnreadableFile, match="more than 2 different moods"):
        parse_daylio(HEADER + rows)


def test_a_quoted_field_that_never_ends_is_refused() -> None:
    data = HEADER + b'2024-01-01,,,10:00,rad,,,"' + b"x" * 5000 + b"\n" * 40 + b"y" * 200_000
    with pytest.raises(UnreadableFile):
        parse_daylio(data)
