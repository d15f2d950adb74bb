"""The upload page: a file in, a preview out, or a clear message and nothing saved."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from nearer.conftest import Person, Response
from nearer.people import views_import
from nearer.people.models import PendingImport
from nearer.people.models import Person as PersonRow

pytestmark = pytest.mark.django_db

GOOD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas Berg\r\nEND:VCARD\r\n"


def upload(client: Client, data: bytes, name: str = "contacts.vcf") -> Response:
    return client.post(
        reverse("people:import"), {"file": SimpleUploadedFile(name, data, "text/vcard")}
    )


def test_it_shows_the_form(alice: Person) -> None:
    response = alice.client.get(reverse("people:import"))
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content
    assert b'type="file"' in response.content


def test_it_needs_a_login() -> None:
    response = Client().get(reverse("people:import"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_good_file_leads_to_its_preview(alice: Person) -> None:
    response = upload(alice.client, GOOD)
    pending = PendingImport.objects.get(owner=alice.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("people:import_preview", args=[pending.id])
    assert not PersonRow.objects.exists()


def test_it_takes_a_vcard_whatever_its_file_name(alice: Person) -> None:
    assert upload(alice.client, GOOD, name="export.txt").status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", b"The file is empty."),
        (b"\r\n  \r\n", b"The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", b"binary file"),
        (b"name,phone\nMaya,123\n", b"No contacts were found"),
    ],
)
def test_it_explains_files_it_cannot_use(alice: Person, data: bytes, message: bytes) -> None:
    response = upload(alice.client, data)
    assert response.status_code == 200
    assert message in response.content
    assert b'class="errors"' in response.content
    assert not PendingImport.objects.exists()


def test_it_asks_for_a_file_when_none_was_chosen(alice: Person) -> None:
    response = alice.client.post(reverse("people:import"), {})
    assert response.status_code == 200
    assert b"Please choose a contacts file" in response.content
    assert not PendingImport.objects.exists()


def test_it_refuses_a_file_over_the_limit(alice: Person, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_import, "MAX_UPLOAD_BYTES", 100_000)
    big = GOOD + b"NOTE:" + b"x" * 200_000 + b"\r\n"
    response = upload(alice.client, big)
    assert response.status_code == 200
    assert b"The file is larger than" in response.content
    assert not PendingImport.objects.exists()


def test_it_keeps_the_upload_in_memory(alice: Person, monkeypatch: pytest.MonkeyPatch) -> None:
    # Bigger than Django's 2.5 MB in-memory limit: still never a temporary file.
    from django.core.files import uploadhandler

    def no_disk(*args: object, **kwargs: object) -> None:
        raise AssertionError("the upload went to a temporary file")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", no_disk)
    big = GOOD.replace(b"END:VCARD", b"NOTE:" + b"x" * 3_000_000 + b"\r\nEND:VCARD")
    assert upload(alice.client, big).status_code == 302


def test_it_refuses_a_post_without_the_csrf_token(alice: Person) -> None:
    # The view sets its own upload handler before CSRF is checked; the check still runs.
    client = Client(enforce_csrf_checks=True)
    client.cookies = alice.client.cookies
    response = client.post(
        reverse("people:import"), {"file": SimpleUploadedFile("c.vcf", GOOD, "text/vcard")}
    )
    assert response.status_code == 403
    assert not PendingImport.objects.exists()
