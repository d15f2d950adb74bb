"""Property tests: whatever is uploaded as a Daylio export, a clear message or a correct preview.

Never a server error, and no check-in before the import is confirmed.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability.daylio import parse_daylio
from nearer.portability.daylio_import import daylio_apply, daylio_prepare, daylio_preview
from nearer.portability.import_files import UnreadableFile
from nearer.portability.models import PendingImport
from nearer.tests.strategies import lines_file

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"
LINES = (
    HEADER,
    "2024-03-15,March 15,Friday,21:40,rad,friends | walk,Title,Note",
    "2024-03-15,March 15,Friday,8:15 PM,good,,,",
    "2024-02-30,,,10:00,rad,,,",
    "1850-01-01,,,10:00,meh,,,",
    "9999-12-31,,,23:59,awful,,,",
    "2024-01-01,,,25:00,bad,,,",
    '2024-01-01,,,10:00,rad,,,"open quote',
    'close"',
    ",,,,,,,",
    "2024-01-01,,,10:00,,a|b||c,,",
    "\x00",
    '"',
    "full_date;time;mood",
)
CSV_LIKE = lines_file(LINES, end="\n", most_lines=30, line_size=40)
ANY_BYTES = st.one_of(
    st.binary(max_size=2000), CSV_LIKE, CSV_LIKE.map(lambda b: HEADER.encode() + b"\n" + b)
)


@settings(max_examples=400, deadline=None)
@given(ANY_BYTES)
def test_the_reader_either_reads_or_explains(data: bytes) -> None:
    try:
        parsed = parse_daylio(data)
    except UnreadableFile as exc:
        assert exc.message
        return
    numbers = [r.number for r in parsed.rows] + [p.number for p in parsed.problems]
    assert len(numbers) == len(set(numbers))
    for row in parsed.rows:
        assert row.mood and row.mood == row.mood.strip()
        assert all(a and "|" not in a for a in row.activities)
        assert len(row.time) == 5


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=ANY_BYTES)
def test_any_upload_gives_a_message_or_a_preview_and_saves_nothing(
    alice: Person, data: bytes
) -> None:
    waiting = set(PendingImport.objects.values_list("id", flat=True))
    response = alice.client.post(
        reverse("portability:daylio"), {"file": SimpleUploadedFile("d.csv", data, "text/csv")}
    )
    if response.status_code == 200:
        assert b'class="errors"' in response.content
        assert set(PendingImport.objects.values_list("id", flat=True)) == waiting
    else:
        assert response.status_code == 302, response.status_code
        preview = alice.client.get(response["Location"])
        assert preview.status_code == 200
        assert b"Check before importing" in preview.content
    assert not CheckIn.objects.exists()
    assert not Entry.objects.exists()


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=ANY_BYTES, notes_to=st.sampled_from(["checkin", "journal"]))
def test_whatever_a_preview_offers_can_be_saved(alice: Person, data: bytes, notes_to: str) -> None:
    # The preview's promise holds: every row it lists makes a check-in the rules accept.
    try:
        import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=data)
    except UnreadableFile:
        return
    preview = daylio_preview(user=alice.user, vault=alice.vault, import_id=import_id)
    before = CheckIn.objects.filter(owner=alice.user).count()
    result = daylio_apply(
        user=alice.user,
        vault=alice.vault,
        import_id=import_id,
        moods={mood.key: 0 for mood in preview.moods},
        notes_to=notes_to,  # type: ignore[arg-type]  # one of the two, sampled above
    )
    assert result.checkins == len(preview.rows)
    assert CheckIn.objects.filter(owner=alice.user).count() == before + len(preview.rows)
