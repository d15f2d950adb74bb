"""Reading jrnl's plain-text journal and its JSON export."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.portability import jrnl
from nearer.portability.import_files import UnreadableFile
from nearer.portability.jrnl import parse_jrnl
from nearer.portability.tests.conftest import fixture_bytes


@pytest.mark.parametrize("name", ["journal.txt", "journal.json"])
def test_it_reads_both_formats_the_same(name: str) -> None:
    parsed = parse_jrnl(fixture_bytes(name))
    assert [(e.day, e.time, e.title, e.starred, e.tags) for e in parsed.entries] == [
        (date(2024, 3, 14), "08:05", "Quiet morning by the window.", False, ("mum",)),
        (date(2024, 3, 15), "21:40", "Long walk with @Sam", True, ("Sam", "work")),
        (date(2024, 3, 16), "07:00", "Nothing much to say today.", False, ()),
    ]
    assert parsed.entries[1].body.endswith("about nothing at all.")
    assert parsed.problems == ()


def test_it_reads_the_older_format_without_brackets_and_with_seconds() -> None:
    parsed = parse_jrnl(b"2012-03-29 09:00:15 Called in sick.\nCleaned the house.\n")
    (entry,) = parsed.entries
    assert (entry.day, entry.time, entry.title, entry.body) == (
        date(2012, 3, 29),
        "09:00",
        "Called in sick.",
        "Cleaned the house.",
    )


def test_it_reads_a_twelve_hour_clock() -> None:
    (entry,) = parse_jrnl(b"[2020-01-02 09:30 PM] Late one\ntext\n").entries
    assert entry.time == "21:30"


def test_an_impossible_day_is_left_out_with_its_number() -> None:
    parsed = parse_jrnl(b"[2024-02-30 10:00] No such day\nx\n[2024-02-28 10:00] Fine\ny\n")
    assert [e.title for e in parsed.entries] == ["Fine"]
    assert [p.number for p in parsed.problems] == [1]


def test_a_file_that_is_not_a_journal_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="does not look like a jrnl journal"):
        parse_jrnl(b"Dear diary,\ntoday was long.\n")


def test_bytes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(UnreadableFile, match="not plain text"):
        parse_jrnl(b"[2024-01-01 10:00] caf\xe9\n")


def test_json_without_entries_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="no list of"):
        parse_jrnl(b'{"tags": {}}')


def test_broken_json_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="not valid JSON"):
        parse_jrnl(b'{"entries": [')


def test_a_json_entry_without_a_date_is_left_out() -> None:
    parsed = parse_jrnl(b'{"entries": [{"title": "t", "body": "b"}, 5]}')
    assert parsed.entries == ()
    assert [p.number for p in parsed.problems] == [1, 2]


def test_it_stops_past_the_entry_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jrnl, "MAX_ENTRIES", 2)
    text = b"".join(b"[2024-01-0%d 10:00] t\nb\n" % day for day in (1, 2, 3))
    with pytest.raises(UnreadableFile, match="more than 2 entries"):
        parse_jrnl(text)
    assert len(parse_jrnl(text[: text.index(b"[2024-01-03")]).entries) == 2


def test_it_refuses_a_line_past_the_limit_without_reading_it_whole() -> None:
    long = b"[2024-01-01 10:00] t\n" + b"x" * (jrnl.MAX_LINE + 1) + b"\n"
    with pytest.raises(UnreadableFile, match="longer than"):
        parse_jrnl(long)


@pytest.mark.parametrize(
    "stamp", ["2024-01-01 24:00", "2024-01-01 10:60", "2024-01-01 10:00:75", "0000-01-01 10:00"]
)
def test_a_time_that_is_no_real_moment_is_left_out(stamp: str) -> None:
    parsed = parse_jrnl(f"[{stamp}] t\nx\n[2024-01-02 10:00] ok\ny\n".encode())
    assert [e.title for e in parsed.entries] == ["ok"]
    assert [p.number for p in parsed.problems] == [1]
