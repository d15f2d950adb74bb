"""Property tests: whatever is uploaded as a jrnl file, a clear message or a correct preview.

Never a server error, and nothing in the journal before the import is confirmed.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability.import_files import UnreadableFile
from nearer.portability.jrnl import parse_jrnl
from nearer.portability.jrnl_import import jrnl_apply, jrnl_prepare, jrnl_preview
from nearer.portability.models import PendingImport
from nearer.tests.strategies import bytes_or_lines, lines_file

LINES = (
    "[2024-03-15 09:30] A title",
    "[2024-03-15 09:30] Starred *",
    "[2024-02-30 09:30] No such day",
    "[1850-01-01 00:00] Long ago",
    "[9999-12-31 23:59] Far ahead",
    "2012-03-29 09:00 Old style",
    "[2020-01-02 09:30 PM] Twelve",
    "[2020-01-02 25:61] Bad time",
    "@tag @another-one @@ @",
    "",
    "\x00",
    "{",
    '{"entries": [{"date": "2024-01-01", "time": "10:00", "title": "t", "body": "b"}]}',
    '{"entries": [{"date": 5}, null, {"date": "2024-01-01", "tags": [1, "@x"]}]}',
    '{"entries": {}}',
    "[]",
    "*",
)
JRNL_LIKE = lines_file(LINES, end="\n", most_lines=30, line_size=40)
ANY_BYTES = bytes_or_lines(LINES, end="\n", most_lines=30, line_size=40)


@settings(max_examples=400, deadline=None)
@given(ANY_BYTES)
def test_the_reader_either_reads_or_explains(data: bytes) -> None:
    try:
        parsed = parse_jrnl(data)
    except UnreadableFile as exc:
        assert exc.message
        return
    numbers = [e.number for e in parsed.entries] + [p.number for p in parsed.problems]
    assert len(numbers) == len(set(numbers))
    assert all(n >= 1 for n in numbers)
    for entry in parsed.entries:
        assert len(entry.time) == 5 and entry.time[2] == ":"
        assert all(tag and not tag.startswith("@") for tag in entry.tags)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(1000, 1, 1)),
            st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), max_size=20),
            st.booleans(),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_every_entry_written_is_read_back(entries: list[tuple[date, str, bool]]) -> None:
    text = "".join(
        f"[{day:%Y-%m-%d} 10:00] {title}{' *' if starred else ''}\nbody\n\n"
        for day, title, starred in entries
    )
    parsed = parse_jrnl(text.encode())
    assert [(e.day, e.title, e.starred) for e in parsed.entries] == [
        (day, title, starred) for day, title, starred in entries
    ]


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
        reverse("portability:jrnl"), {"file": SimpleUploadedFile("j.txt", data, "text/plain")}
    )
    if response.status_code == 200:
        assert b'class="errors"' in response.content
        assert set(PendingImport.objects.values_list("id", flat=True)) == waiting
    else:
        assert response.status_code == 302, response.status_code
        preview = alice.client.get(response["Location"])
        assert preview.status_code == 200
        assert b"Check before importing" in preview.content
    assert not Entry.objects.exists()


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=JRNL_LIKE)
def test_whatever_a_preview_offers_can_be_saved(alice: Person, data: bytes) -> None:
    # The preview's promise holds: every entry it lists is one the journal accepts.
    try:
        import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=data)
    except UnreadableFile:
        return
    offered = len(jrnl_preview(user=alice.user, vault=alice.vault, import_id=import_id).entries)
    before = Entry.objects.filter(owner=alice.user).count()
    assert jrnl_apply(user=alice.user, vault=alice.vault, import_id=import_id) == offered
    assert Entry.objects.filter(owner=alice.user).count() == before + offered
