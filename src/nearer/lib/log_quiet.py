"""A log filter for records that say something expected: one line at WARNING.

Django logs every SuspiciousOperation a request provokes (a Host header it does not
serve, too many fields, a body too big) at ERROR with the exception's whole
traceback (15 lines or more); anyone can send thousands. The traceback tells the
operator nothing the message does not, so settings.LOGGING gives the handler of the
django.security logger this filter. It changes the record itself: a handler that
should keep tracebacks must not share a logger with it.
"""

from __future__ import annotations

import logging


class OneLineWarning(logging.Filter):
    """Make each record a WARNING without its traceback or stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True
