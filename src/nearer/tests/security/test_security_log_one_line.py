"""Every django.security record (a bad Host header, too many fields, a body too big,
any SuspiciousOperation) is one WARNING line in the log, not a traceback: anyone can
send thousands, and the traceback tells the operator nothing the message does not."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def _consoles() -> list[logging.StreamHandler[io.TextIOWrapper]]:
    """Every stream handler a django.security record may reach (the root's console
    as well, in case the record is propagated there)."""
    names = [""] + [
        name for name in logging.Logger.manager.loggerDict if name.startswith("django.security")
    ]
    found: list[logging.StreamHandler[io.TextIOWrapper]] = []
    for name in names:
        for handler in logging.getLogger(name).handlers:
            if type(handler) is logging.StreamHandler and handler not in found:
                found.append(handler)
    return found


@pytest.fixture
def written() -> Iterator[Callable[[], str]]:
    """What those handlers write during the test, read by calling it."""
    stream = io.StringIO()
    consoles = _consoles()
    previous = [console.setStream(stream) for console in consoles]  # type: ignore[arg-type]
    try:
        yield stream.getvalue
    finally:
        for console, before in zip(consoles, previous, strict=True):
            console.setStream(before)  # type: ignore[arg-type]


def _one_warning_line(text: str) -> None:
    assert text.count("\n") == 1, text
    assert "Traceback" not in text and "File " not in text, text


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_post_with_too_many_fields_is_one_warning_line(
    client: Client, written: Callable[[], str]
) -> None:
    fields = {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    security = logging.getLogger("django.security")
    # Added after the console handler, so it sees the record as the console left it.
    records = _Records()
    security.addHandler(records)
    try:
        response = client.post("/accounts/login/", fields)
    finally:
        security.removeHandler(records)
    assert response.status_code == 400
    text = written()
    _one_warning_line(text)
    assert "number of GET/POST parameters exceeded" in text
    (record,) = records.records
    assert record.name == "django.security.TooManyFieldsSent"
    assert (record.levelno, record.exc_info, record.exc_text) == (logging.WARNING, None, None)


def test_a_body_too_big_is_one_warning_line(client: Client, written: Callable[[], str]) -> None:
    body = "x=" + "y" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    response = client.post(
        "/accounts/login/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    text = written()
    _one_warning_line(text)
    assert "Request body exceeded" in text


def test_a_bad_host_header_is_still_one_warning_line(
    client: Client, written: Callable[[], str]
) -> None:
    response = client.get("/accounts/login/", HTTP_HOST="quillon-forged.example")
    assert response.status_code == 400
    text = written()
    _one_warning_line(text)
    assert "quillon-forged.example" in text
