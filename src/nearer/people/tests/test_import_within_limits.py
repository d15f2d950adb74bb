"""Files within the import's stated limits (10 MB, 5,000 cards) that once took
minutes or gigabytes: a card of very many dates, a name of megabytes, a note in
thousands of pieces. Each is read in well under a second and a few megabytes, and
what is left out is said in the preview."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nearer.conftest import Person
from nearer.people import rules
from nearer.people.vcard import (
    MAX_DATES,
    MAX_FILE_DATES,
    MAX_LINE,
    MAX_NOTE,
    ParsedFile,
    parse_vcards,
)


def dates_card(count: int, *, name: str = "Quillon Datewise", first: int = 0) -> str:
    # Every line a different day (from the year 1000 on): no repeat to fold away.
    lines = [
        f"X-ANNIVERSARY:{1000 + n // 336:04d}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
        for n in range(first, first + count)
    ]
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", *lines, "END:VCARD", ""])


def timed(data: bytes) -> tuple[float, ParsedFile]:
    """Parse ``data``; return the seconds taken and the result."""
    start = time.perf_counter()
    parsed = parse_vcards(data)
    return time.perf_counter() - start, parsed


def peak_memory(data: bytes) -> int:
    """Parse ``data`` again under tracemalloc (which slows Python); return the peak."""
    tracemalloc.start()
    try:
        parse_vcards(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_date_limit_is_the_one_the_people_rules_state() -> None:
    assert MAX_DATES == rules.MAX_DATES == 20


def test_a_card_of_fifty_thousand_dates_keeps_twenty_and_says_the_rest_were_left_out() -> None:
    # Before: every date was looked for in a list of those kept (quadratic): this
    # card took over a minute, 300,000 dates more than twelve.
    seconds, parsed = timed(dates_card(50_000).encode())
    assert seconds < 5, seconds
    (found,) = parsed.cards
    assert len(found.dates) == MAX_DATES
    assert len(set(found.dates)) == MAX_DATES
    (problem,) = parsed.problems
    assert problem.reason == "49,980 more dates left out: a person keeps up to 20"
    assert problem.skipped is False


def test_one_file_brings_at_most_twenty_thousand_dates_and_says_which_cards_lost_theirs() -> None:
    # 20 dates on each of 1,001 cards: saving 100,000 dates (5,000 full cards) took 9 s.
    data = "".join(
        dates_card(MAX_DATES, name=f"Quillon {n:04d}", first=n) for n in range(1001)
    ).encode()
    parsed = parse_vcards(data)
    assert sum(len(card.dates) for card in parsed.cards) == MAX_FILE_DATES == 20_000
    assert len(parsed.cards) == 1001 and parsed.cards[-1].dates == ()
    (problem,) = parsed.problems
    assert (problem.number, problem.reason) == (
        1001,
        "20 dates left out: one file brings up to 20,000",
    )


def test_a_name_of_megabytes_is_left_out_unread_and_the_card_named_by_its_other_name() -> None:
    # Before: vobject's unfolding of one 2 MB line took about 280 MB (140 times the line).
    data = b"".join(
        [
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Marchetti;Quillon;;;\r\nFN:",
            b"Q" * 2_000_000,
            b"\r\nEND:VCARD\r\n",
        ]
    )
    seconds, parsed = timed(data)
    peak = peak_memory(data)
    assert peak < 5 * len(data), peak
    assert seconds < 5, seconds
    (found,) = parsed.cards
    assert found.name == "Quillon Marchetti"
    (problem,) = parsed.problems
    assert problem.reason == "the name was too long to read and was left out"


def test_a_folded_note_longer_than_the_line_limit_is_left_out_and_the_card_kept() -> None:
    note = "NOTE:" + "w" * (MAX_LINE + 10)
    folded = "\r\n ".join(note[i : i + 74] for i in range(0, len(note), 74))
    data = f"BEGIN:VCARD\r\nFN:Quillon Longnote\r\n{folded}\r\nBDAY:1990-04-01\r\nEND:VCARD\r\n"
    (found,) = parse_vcards(data.encode()).cards
    assert (found.name, found.note, len(found.dates)) == ("Quillon Longnote", "", 1)
    (problem,) = parse_vcards(data.encode()).problems
    assert problem.reason == "the note was too long to read and was left out"


def test_a_note_in_a_hundred_thousand_lines_is_kept_to_the_limit_quickly() -> None:
    # Before: each NOTE line was joined to all before it (quadratic).
    lines = "".join(f"NOTE:Quillon note {n:06d}\r\n" for n in range(100_000))
    data = f"BEGIN:VCARD\r\nFN:Quillon Manynotes\r\n{lines}END:VCARD\r\n".encode()
    seconds, parsed = timed(data)
    assert seconds < 5, seconds
    (found,) = parsed.cards
    whole = "\n\n".join(f"Quillon note {n:06d}" for n in range(100_000))
    assert found.note == whole[:MAX_NOTE].rstrip()
    (problem,) = parsed.problems
    assert problem.reason == "the note was too long and was shortened"


@pytest.mark.django_db
def test_the_preview_of_a_card_of_many_dates_says_how_many_were_left_out(alice: Person) -> None:
    data = dates_card(30_000, name="Quillon Manydates").encode()
    response = alice.client.post(
        reverse("people:import"), {"file": SimpleUploadedFile("all.vcf", data, "text/vcard")}
    )
    assert response.status_code == 302, response.content[:2000]
    page = alice.client.get(response["Location"]).content.decode()
    assert "29,980 more dates left out: a person keeps up to 20" in page


@pytest.mark.django_db
def test_the_upload_page_states_what_one_contact_may_bring(alice: Person) -> None:
    page = alice.client.get(reverse("people:import")).content.decode()
    assert (
        "Each contact brings up to 20 dates, and one file up to 20,000. A name is kept to "
        "200 characters, a nickname to 100 and a note to 20,000; a single line longer than "
        "256 kB is left out unread."
    ) in page
