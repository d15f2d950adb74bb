"""Helpers for the Nearer-export import tests: a real export of a real account."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nearer.conftest import Person, Response
from nearer.portability.export_stream import ExportRequest, export_chunks
from nearer.portability.tests.full_account import build_full_account


def export_of(person: Person, passphrase: str = "") -> bytes:
    """The zip ``person`` would download now."""
    request = ExportRequest(
        user=person.user,
        vault=person.vault,
        exported_at=datetime.now(tz=UTC),
        passphrase=passphrase,
    )
    return b"".join(export_chunks(request))


def full_export(person: Person, passphrase: str = "") -> bytes:
    """Fill ``person``'s account with everything, and return its export."""
    build_full_account(person.user, person.vault)
    return export_of(person, passphrase)


def json_of(raw: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        value: dict[str, Any] = json.loads(archive.read("nearer-export.json"))
    return value


def upload(
    person: Person, raw: bytes, name: str = "nearer-export.zip", passphrase: str = ""
) -> Response:
    return person.client.post(
        reverse("portability:nearer_import"),
        {"file": SimpleUploadedFile(name, raw, "application/zip"), "passphrase": passphrase},
    )
