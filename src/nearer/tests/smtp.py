"""A real SMTP server for tests that send email: aiosmtpd on a free local port.

Use the ``smtp_server`` fixture (import it into a test module or conftest): it starts
the server, points Django's SMTP backend at it and hands back what it received.
``smtp_refusing`` is a server that answers every message with a permanent failure.
No mock: the message goes through smtplib, over a socket, into the server.
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pytest_django.fixtures import Settings as SettingsWrapper

__all__ = ["Inbox", "smtp_refusing", "smtp_server"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Inbox:
    """What the server received, in order, parsed; ``refuse`` makes it answer 554 to
    everything, ``refuse_to`` to messages for those addresses."""

    port: int = 0
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refuse: bool = False
    # Addresses refused (554) while the others are accepted.
    refuse_to: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # aiosmtpd calls a method of this name for each message received.
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse or self.refuse_to & set(envelope.rcpt_tos):
            return "554 5.0.0 Refused by the test server"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"

    def bodies(self) -> list[str]:
        """Every message's plain text body."""
        found = []
        for message in self.messages:
            part = message.get_body(preferencelist=("plain",))
            found.append(part.get_content() if part is not None else "")
        return found


def _serve(settings: SettingsWrapper, refuse: bool) -> Iterator[Inbox]:
    inbox = Inbox(port=_free_port(), refuse=refuse)
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = inbox.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(settings: SettingsWrapper) -> Iterator[Inbox]:
    """A running SMTP server that accepts everything; Django sends to it."""
    yield from _serve(settings, refuse=False)


@pytest.fixture
def smtp_refusing(settings: SettingsWrapper) -> Iterator[Inbox]:
    """A running SMTP server that refuses every message (554)."""
    yield from _serve(settings, refuse=True)
