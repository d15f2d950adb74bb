"""The jrnl upload page: limits stated, a file read into a preview, bad files explained."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from nearer.conftest import Person, Response
from nearer.portability import views_jrnl
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def _upload(person: Person, data: bytes, name: str = "journal.txt") -> Response:
    return person.client.post(
        reverse("portability:jrnl"), {"file": SimpleUploadedFile(name, data, "text/plain")}
    )


def test_it_states_the_limits(alice: Person) -> None:
    page = alice.client.get(reverse("portability:jrnl")).content.decode()
    assert "up to 20 MB and hold up to 20,000 entries" in page
    assert "100,000 characters" in page


def test_it_reads_a_file_into_a_preview(alice: Person) -> None:
    response = _upload(alice, fixture_bytes("journal.txt"))
    pending = PendingImport.objects.get(owner=alice.user)
    assert response["Location"] == reverse("portability:jrnl_preview", args=[pending.id])
    assert pending.source == "jrnl"


def test_a_file_that_is_not_a_journal_is_explained_and_nothing_kept(alice: Person) -> None:
    response = _upload(alice, b"just some words\n")
    assert response.status_code == 200
    assert "does not look like a jrnl journal" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_jrnl, "MAX_UPLOAD_BYTES", 1000)
    response = _upload(alice, b"[2024-01-01 10:00] t\n" + b"x" * 5000 + b"\n")
    assert response.status_code == 200
    assert "larger than 0.000953674 MB" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_it_needs_a_login(client: Client) -> None:
    response = client.get(reverse("portability:jrnl"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
