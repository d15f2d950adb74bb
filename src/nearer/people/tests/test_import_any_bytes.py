"""Property tests: whatever is uploaded, a clear message or a correct preview.

Never a server error, and never a saved person before the import is confirmed.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.conftest import Person
from nearer.people.models import ImportantDate, PendingImport
from nearer.people.models import Person as PersonRow
from nearer.people.vcard import MAX_NAME, NotAContactsFile, parse_vcards
from nearer.tests.strategies import bytes_or_lines

LINES = (
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:3.0",
    "VERSION:4.0",
    "VERSION:2.1",
    "FN:Maya",
    "FN:",
    "N:Berg;Jonas;;;",
    "N:;;;;",
    "NICKNAME:Jo",
    "BDAY:--0229",
    "BDAY:1990-13-01",
    "BDAY:19900401",
    "ANNIVERSARY:--0101",
    "item1.X-ABDATE:2001-02-03",
    "item1.X-ABLabel:_$!<Other>!$_",
    "NOTE:a\\nb\\,c",
    "NOTE;ENCODING=QUOTED-PRINTABLE:=C3=",
    "FN;CHARSET=NOPE;ENCODING=QUOTED-PRINTABLE:=E9",
    "PHOTO;ENCODING=b:####",
    " folded",
    "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;x;;",
    ":",
    ";;;",
    "\x00",
    "FN:Zoë Müller",
    "ORG:;",
    "BEGIN:VCARD\x0bFN:x",
)
ANY_BYTES = bytes_or_lines(LINES, end="\r\n", most_lines=40, line_size=30)


@settings(max_examples=400, deadline=None)
@given(ANY_BYTES)
def test_the_reader_either_reads_or_explains(data: bytes) -> None:
    try:
        parsed = parse_vcards(data)
    except NotAContactsFile as exc:
        assert exc.message
        return
    numbers = [c.number for c in parsed.cards] + [p.number for p in parsed.problems if p.number]
    assert len(set(c.number for c in parsed.cards)) == len(parsed.cards)
    assert all(n >= 1 for n in numbers)
    for card in parsed.cards:
        assert card.name and card.name == card.name.strip() and len(card.name) <= MAX_NAME
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", card.name + card.nickname)
        for found in card.dates:
            assert 1 <= found.month <= 12 and 1 <= found.day <= 31


NAMES = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(NAMES, st.booleans()), min_size=1, max_size=12))
def test_every_named_card_is_read_and_every_nameless_one_reported(
    cards: list[tuple[str, bool]],
) -> None:
    lines = []
    for name, named in cards:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}" if named else "TEL:1", "END:VCARD"]
    parsed = parse_vcards("\r\n".join(lines).encode())
    assert [c.name for c in parsed.cards] == [name for name, named in cards if named]
    assert [p.number for p in parsed.problems] == [
        n for n, (_, named) in enumerate(cards, start=1) if not named
    ]


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=ANY_BYTES)
def test_any_upload_gives_a_message_or_a_preview_and_saves_no_one(
    alice: Person, data: bytes
) -> None:
    waiting = set(PendingImport.objects.values_list("id", flat=True))
    response = alice.client.post(
        reverse("people:import"), {"file": SimpleUploadedFile("c.vcf", data, "text/vcard")}
    )
    if response.status_code == 200:
        assert b'class="errors"' in response.content
        assert set(PendingImport.objects.values_list("id", flat=True)) == waiting
    else:
        assert response.status_code == 302, response.status_code
        preview = alice.client.get(response["Location"])
        assert preview.status_code == 200
        assert b"Check before importing" in preview.content
    assert not PersonRow.objects.exists()
    assert not ImportantDate.objects.exists()
