"""The Daylio upload page: limits stated, a file read into a preview, bad files explained."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nearer.conftest import Person, Response
from nearer.portability import views_daylio
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def _upload(person: Person, data: bytes) -> Response:
    return person.client.post(
        reverse("portability:daylio"), {"file": SimpleUploadedFile("d.csv", data, "text/csv")}
    )


def test_it_states_the_limits(alice: Person) -> None:
    page = alice.client.get(reverse("portability:daylio")).content.decode()
    assert "up to 20 MB and hold up to 20,000 rows and 50 different moods" in page


def test_it_reads_a_file_into_a_preview(alice: Person) -> None:
    response = _upload(alice, fixture_bytes("daylio.csv"))
    pending = PendingImport.objects.get(owner=alice.user)
    assert response["Location"] == reverse("portability:daylio_preview", args=[pending.id])
    assert pending.source == "daylio"


def test_a_file_that_is_not_an_export_is_explained_and_nothing_kept(alice: Person) -> None:
    response = _upload(alice, b"name,phone\nMaya,1\n")
    assert response.status_code == 200
    assert "does not look like a Daylio export" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_daylio, "MAX_UPLOAD_BYTES", 100)
    response = _upload(alice, fixture_bytes("daylio.csv"))
    assert response.status_code == 200
    assert "so it was not read and nothing was saved" in response.content.decode()
    assert not PendingImport.objects.exists()
