"""The Nearer-export upload page: limits stated, a zip or its JSON read into a preview,
an encrypted zip opened with its passphrase, anything else explained and nothing kept."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability import views_own_import
from nearer.portability.models import PendingImport
from nearer.portability.tests.own_export import full_export, json_of, upload

URL = reverse("portability:nearer_import")
PASSPHRASE = "lantern orchard quietly"


def test_it_needs_a_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_states_the_limits(alice: Person) -> None:
    page = alice.client.get(URL).content.decode()
    assert "can be up to 64 MB; the JSON in it up to 160 MB, with up to 250,000 items" in page


def test_it_reads_an_export_into_a_preview_and_saves_nothing_yet(
    alice: Person, bob: Person
) -> None:
    response = upload(bob, full_export(alice))
    pending = PendingImport.objects.get(owner=bob.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("portability:nearer_import_preview", args=[pending.id])
    assert pending.source == "nearer"
    assert not Entry.objects.filter(owner=bob.user).exists()


def test_it_reads_the_json_file_alone(alice: Person, bob: Person) -> None:
    raw = json.dumps(json_of(full_export(alice))).encode()
    response = upload(bob, raw, name="nearer-export.json")
    assert response.status_code == 302
    assert PendingImport.objects.filter(owner=bob.user, source="nearer").count() == 1


def test_an_encrypted_export_needs_its_passphrase(alice: Person, bob: Person) -> None:
    raw = full_export(alice, passphrase=PASSPHRASE)
    without = upload(bob, raw)
    assert "This export is encrypted. Please give the passphrase" in without.content.decode()
    wrong = upload(bob, raw, passphrase="not the passphrase at all")
    assert "That passphrase does not open this export." in wrong.content.decode()
    assert not PendingImport.objects.exists()
    right = upload(bob, raw, passphrase=PASSPHRASE)
    assert right.status_code == 302
    assert PendingImport.objects.filter(owner=bob.user).count() == 1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"PK\x03\x04 broken", "This zip file is damaged or incomplete."),
        (b"\xff\xfe\x00 binary", "neither a Nearer export"),
        (b"{not json", "its JSON cannot be read"),
        (b'{"format": "something-else"}', "This file is not a Nearer export."),
        (b'{"format": "nearer-export", "version": 99}', "newer format (version 99)"),
        (
            b'{"format": "nearer-export", "version": 1, "journal": [{"id": "x"}]}',
            "Journal entry 1 in the file: its id is not an id.",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_explained_and_nothing_kept(
    alice: Person, raw: bytes, message: str
) -> None:
    response = upload(alice, raw)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Nothing was saved." in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_own_import, "MAX_UPLOAD_BYTES", 1000)
    response = upload(alice, b"{" + b" " * 5000 + b"}")
    assert response.status_code == 200
    assert "The file is larger than" in response.content.decode()
    assert not PendingImport.objects.exists()
