"""The import's limits: file size and number of cards, stated on the page, a too-big
file refused with a clear message and nothing kept, a long preview cut short."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import LimitedStream
from django.test import Client
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import PendingImport
from nearer.people.models import Person as PersonRow
from nearer.people.vcard import MAX_CARDS, TooManyCards, parse_vcards
from nearer.people.views_import import MATCHES_SHOWN, MAX_UPLOAD_BYTES, PROBLEMS_SHOWN

pytestmark = pytest.mark.django_db
EMPTY_CARD = b"BEGIN:VCARD\r\nEND:VCARD\r\n"


def named_cards(names: list[str]) -> bytes:
    return b"".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEND:VCARD\r\n".encode() for name in names
    )


def upload(client: Client, data: bytes) -> str:
    response = client.post(
        reverse("people:import"), {"file": SimpleUploadedFile("all.vcf", data, "text/vcard")}
    )
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def preview_of(client: Client, data: bytes) -> tuple[str, str]:
    """Upload ``data``; return the preview's address and its page."""
    response = client.post(
        reverse("people:import"), {"file": SimpleUploadedFile("all.vcf", data, "text/vcard")}
    )
    assert response.status_code == 302, response.content[:2000]
    url = response["Location"]
    return url, client.get(url).content.decode()


def test_the_upload_page_states_both_limits(alice: Person) -> None:
    page = alice.client.get(reverse("people:import")).content.decode()
    assert MAX_UPLOAD_BYTES == 10 * 1024 * 1024 and MAX_CARDS == 5_000
    assert "Up to 10 MB and 5,000 contacts in one file." in page
    assert "up to 5,000 contacts and be up to 10 MB" in page


def test_a_file_just_over_the_size_limit_is_refused_and_nothing_kept(alice: Person) -> None:
    note = b"NOTE:" + b"lorem ipsum " * 1000 + b"\r\n"
    card = b"BEGIN:VCARD\r\nFN:Quillon Marchetti\r\n" + note + b"END:VCARD\r\n"
    data = card * (MAX_UPLOAD_BYTES // len(card) + 1)
    assert MAX_UPLOAD_BYTES < len(data) < MAX_UPLOAD_BYTES + len(card) + 1
    page = upload(alice.client, data)
    assert "The file is larger than 10 MB, so it was not read and nothing was saved." in page
    assert not PendingImport.objects.exists()
    assert not PersonRow.objects.exists()


def test_a_19_mb_file_of_empty_cards_is_refused_with_the_limit_named(alice: Person) -> None:
    data = EMPTY_CARD * (19 * 1024 * 1024 // len(EMPTY_CARD))
    page = upload(alice.client, data)
    assert "The file is larger than 10 MB" in page
    assert len(page) < 20_000  # the upload page and its message, not a preview
    assert not PendingImport.objects.exists()


def test_a_refused_file_is_read_past_in_large_pieces(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Django drops the rest of a stopped upload line by line: for 19 MB of empty cards
    # that is 1.6 million calls and seconds of a worker's time.
    lines_read = []
    readline = LimitedStream.readline

    def counted(stream: LimitedStream, *args: Any) -> bytes:
        lines_read.append(1)
        return readline(stream, *args)

    monkeypatch.setattr(LimitedStream, "readline", counted)
    data = EMPTY_CARD * (19 * 1024 * 1024 // len(EMPTY_CARD))
    assert "The file is larger than 10 MB" in upload(alice.client, data)
    assert len(lines_read) < 1_000


def test_a_too_big_file_with_its_csrf_token_gets_the_message_not_a_403(alice: Person) -> None:
    # The rest of the request is dropped after the token (sent before the file) was read.
    client = Client(enforce_csrf_checks=True)
    client.cookies = alice.client.cookies
    page = client.get(reverse("people:import")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    data = EMPTY_CARD * (12 * 1024 * 1024 // len(EMPTY_CARD))
    response = client.post(
        reverse("people:import"),
        {
            "csrfmiddlewaretoken": token.group(1),
            "file": SimpleUploadedFile("all.vcf", data, "text/vcard"),
        },
    )
    assert response.status_code == 200
    assert b"The file is larger than 10 MB" in response.content


def test_a_file_of_more_cards_than_the_limit_is_refused_and_nothing_kept(alice: Person) -> None:
    data = named_cards([f"Quillon {n:05d}" for n in range(MAX_CARDS + 1)])
    assert len(data) < MAX_UPLOAD_BYTES
    page = upload(alice.client, data)
    assert "This file holds more than 5,000 contacts, more than Nearer reads at once." in page
    assert 'class="errors"' in page
    assert not PendingImport.objects.exists()
    assert not PersonRow.objects.exists()


def test_a_file_of_many_tiny_cards_under_the_size_limit_is_refused(alice: Person) -> None:
    # Hundreds of thousands of empty cards fit in a few megabytes.
    data = EMPTY_CARD * (4 * 1024 * 1024 // len(EMPTY_CARD))
    page = upload(alice.client, data)
    assert "more than 5,000 contacts" in page
    assert not PendingImport.objects.exists()


def test_a_file_of_exactly_the_card_limit_is_read(alice: Person) -> None:
    data = named_cards([f"Quillon {n:05d}" for n in range(MAX_CARDS)])
    _, page = preview_of(alice.client, data)
    assert "<strong>5000</strong> new people to add" in page


def test_reading_stops_at_the_card_after_the_limit() -> None:
    eleven = named_cards([f"Quillon {n:02d}" for n in range(11)])
    stream = io.BytesIO(eleven + EMPTY_CARD * 100_000)
    with pytest.raises(TooManyCards) as refused:
        parse_vcards(stream, max_cards=10)
    # The BEGIN of the eleventh card was the last line read (the stream reads ahead
    # by at most one line).
    assert stream.tell() <= len(eleven)
    assert "more than 10 contacts" in refused.value.message


def test_the_card_limit_counts_cards_without_a_name_too() -> None:
    with pytest.raises(TooManyCards):
        parse_vcards(named_cards(["Quillon Marchetti"]) + EMPTY_CARD * 3, max_cards=3)
    parsed = parse_vcards(named_cards(["Quillon Marchetti"]) + EMPTY_CARD * 2, max_cards=3)
    assert [card.name for card in parsed.cards] == ["Quillon Marchetti"]
    assert len(parsed.problems) == 2


def test_a_long_list_of_duplicates_is_cut_short_and_the_rest_follow_the_choice_for_all(
    alice: Person,
) -> None:
    extra = 30
    data = named_cards(["Quillon Marchetti"] * (MATCHES_SHOWN + extra + 1))
    _, page = preview_of(alice.client, data)
    assert f"<strong>{MATCHES_SHOWN + extra}</strong> possible duplicates" in page
    assert page.count('value="skip" checked') == MATCHES_SHOWN
    assert f'name="m{MATCHES_SHOWN}" value="skip"' in page
    assert f'name="m{MATCHES_SHOWN + 1}"' not in page
    assert (
        f"The first {MATCHES_SHOWN} are listed here to decide one by one. The other "
        f"{extra} follow the choice for all: skipped, unless you choose"
    ) in page


def test_unlisted_duplicates_are_merged_when_everything_is_merged(alice: Person) -> None:
    data = named_cards(["Quillon Marchetti"] * (MATCHES_SHOWN + 31))
    preview_of(alice.client, data)
    pending = PendingImport.objects.get(owner=alice.user)
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]), {"all": "merge"}
    )
    assert response.status_code == 302
    messages = alice.client.get(response["Location"]).content.decode()
    assert f"1 person added, {MATCHES_SHOWN + 30:,} people merged, 0 skipped" in messages


def test_unlisted_duplicates_are_skipped_when_deciding_one_by_one(alice: Person) -> None:
    data = named_cards(["Quillon Marchetti"] * (MATCHES_SHOWN + 31))
    preview_of(alice.client, data)
    pending = PendingImport.objects.get(owner=alice.user)
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]), {"all": "each", "m1": "merge"}
    )
    messages = alice.client.get(response["Location"]).content.decode()
    assert f"1 person added, 1 person merged, {MATCHES_SHOWN + 29} skipped" in messages


def test_a_long_list_of_problems_is_cut_short_and_counted(alice: Person) -> None:
    extra = 50
    data = named_cards(["Quillon Marchetti"]) + EMPTY_CARD * (PROBLEMS_SHOWN + extra)
    _, page = preview_of(alice.client, data)
    assert f"<strong>{PROBLEMS_SHOWN + extra}</strong> cards that could not be read" in page
    assert page.count(": it has no name; not imported.</li>") == PROBLEMS_SHOWN
    assert f"<strong>Card {PROBLEMS_SHOWN + 1}</strong>:" in page
    assert f"<strong>Card {PROBLEMS_SHOWN + 2}</strong>:" not in page
    assert f"… and {extra} more." in page


def test_the_choices_of_a_long_preview_can_be_sent_back(alice: Person) -> None:
    # Every radio group listed comes back as a field; Django refuses a form of more
    # than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) fields with a 400.
    data = named_cards(["Quillon Marchetti"] * 1_200)
    _, page = preview_of(alice.client, data)
    fields = dict.fromkeys(re.findall(r'name="(m\d+)" value="skip"', page), "skip")
    pending = PendingImport.objects.get(owner=alice.user)
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]),
        {"all": "each", "circle": "wider", "relationship": "other", **fields},
    )
    assert response.status_code == 302
    messages = alice.client.get(response["Location"]).content.decode()
    assert "1 person added, 0 people merged, 1199 skipped" in messages
