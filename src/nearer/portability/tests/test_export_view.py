"""The export page: counts before, the password again, the zip streamed, a passphrase."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
import pyzipper
from django.http import StreamingHttpResponse
from django.urls import reverse

from nearer.conftest import PASSWORD, Person
from nearer.portability.tests.full_account import SAM_NAME, build_full_account

URL = reverse("portability:export")
PASSPHRASE = "lantern orchard quietly"


def streamed(response: object) -> bytes:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)  # type: ignore[arg-type]


def test_it_asks_a_visitor_to_log_in(client: object, db: None) -> None:
    from django.test import Client

    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_says_what_will_be_gathered_and_how_large(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    response = alice.client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "<strong>2</strong> people" in text
    assert "<strong>3</strong> journal entries" in text
    assert "under 1 MB" in text
    assert "not encrypted" in text


def test_it_only_downloads_with_the_right_password(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    response = alice.client.post(URL, {"password": "not the password at all"})
    assert response.status_code == 200
    assert not isinstance(response, StreamingHttpResponse)
    assert "That is not your password. Nothing was exported." in response.content.decode()


def test_it_streams_a_zip_of_everything(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    response = alice.client.post(URL, {"password": PASSWORD})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="nearer-export-')
    with zipfile.ZipFile(io.BytesIO(streamed(response))) as archive:
        doc = json.loads(archive.read("nearer-export.json"))
        readme = archive.read("README.txt").decode()
    assert {p["name"] for p in doc["people"]} == {SAM_NAME, "Kitterick Archivedperson"}
    assert "This zip is NOT encrypted." in readme


def test_a_passphrase_encrypts_the_whole_export(alice: Person) -> None:
    build_full_account(alice.user, alice.vault)
    response = alice.client.post(
        URL, {"password": PASSWORD, "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE}
    )
    raw = streamed(response)
    assert SAM_NAME.encode() not in raw
    assert b"journal/" not in raw  # not even the days written on, as file names
    with pyzipper.AESZipFile(io.BytesIO(raw)) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "nearer-export.zip"]
        assert all(info.flag_bits & 0x1 for info in archive.infolist())
        with pytest.raises(RuntimeError):
            archive.read("nearer-export.zip")
        archive.setpassword(b"a wrong passphrase here")
        with pytest.raises(RuntimeError):
            archive.read("nearer-export.zip")
        archive.setpassword(PASSPHRASE.encode())
        inner = archive.read("nearer-export.zip")
        assert "encrypted with AES-256" in archive.read("README.txt").decode()
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        doc = json.loads(archive.read("nearer-export.json"))
        assert "people.vcf" in archive.namelist()
    assert SAM_NAME in {p["name"] for p in doc["people"]}


@pytest.mark.parametrize(
    ("passphrase", "again", "message"),
    [
        ("too short", "too short", "at least 12 characters"),
        (PASSPHRASE, PASSPHRASE + "!", "The two passphrases are not the same."),
        ("x" * 1025, "x" * 1025, "to 1,024 characters"),
    ],
)
def test_a_passphrase_outside_its_limits_exports_nothing(
    alice: Person, passphrase: str, again: str, message: str
) -> None:
    response = alice.client.post(
        URL, {"password": PASSWORD, "passphrase": passphrase, "passphrase_again": again}
    )
    assert not isinstance(response, StreamingHttpResponse)
    assert message in response.content.decode()


def test_one_of_a_kind_is_said_in_the_singular(alice: Person) -> None:
    from django.utils import timezone

    from nearer.journal.services import entry_create

    entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=timezone.localdate(),
        title="",
        body="x",
        tags=[],
    )
    assert "<strong>1</strong> journal entry</li>" in alice.client.get(URL).content.decode()


def test_wrong_passwords_are_counted_like_a_login_and_stop_the_export(alice: Person) -> None:
    from django.conf import settings

    for _ in range(settings.AXES_FAILURE_LIMIT):
        alice.client.post(URL, {"password": "a wrong password, again"})
    response = alice.client.post(URL, {"password": PASSWORD})
    assert response.status_code == 429
    assert not isinstance(response, StreamingHttpResponse)
    assert b"Too many tries" in response.content
