"""Sending one plain-text email, where a failing mail server is never the person's problem.

Django's email with the NEARER_EMAIL_* settings and their timeout (EMAIL_TIMEOUT), so
a mail server that hangs costs a request at most that long. Any failure to hand the
message over is logged (without the address) and answered False; the caller says
something calm, or nothing, and the page never becomes a 500.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage

log = logging.getLogger(__name__)


def send_plain(*, to: str, subject: str, body: str) -> bool:
    """Send ``body`` as plain text to ``to``; True when the mail server accepted it."""
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    try:
        sent = message.send(fail_silently=False)
    # SMTPException covers refusals; OSError covers a server that is down, unreachable
    # or too slow (socket.timeout); UnicodeError an address the server can't take.
    except (smtplib.SMTPException, OSError, UnicodeError) as exc:
        log.warning("An email could not be sent (%s: %s)", type(exc).__name__, subject)
        return False
    return sent == 1
