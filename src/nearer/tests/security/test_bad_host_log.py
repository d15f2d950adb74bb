"""A request with a Host header Nearer does not serve is one warning line in the log,
not a 15-line traceback (anyone can send thousands of them)."""

from __future__ import annotations

import io
import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_bad_host_header_is_one_warning_line_without_a_traceback(client: Client) -> None:
    # The console handler of settings.LOGGING (one object, shared by every logger).
    console = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    records = _Records()
    security = logging.getLogger("django.security.DisallowedHost")
    stream = io.StringIO()
    previous = console.setStream(stream)
    security.addHandler(records)
    try:
        response = client.get("/accounts/login/", HTTP_HOST="quillon-forged.example")
    finally:
        console.setStream(previous)
        security.removeHandler(records)
    assert response.status_code == 400
    written = stream.getvalue()
    assert written.count("\n") == 1, written
    assert "Traceback" not in written
    assert "quillon-forged.example" in written
    (record,) = records.records
    assert (record.levelno, record.exc_info, record.exc_text) == (logging.WARNING, None, None)
