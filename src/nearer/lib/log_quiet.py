"""A log filter for records that say something expected: one line at WARNING.

Django logs every request with a Host header it does not serve at ERROR with the
exception's whole traceback (15 lines); anyone can send thousands. The traceback
tells the operator nothing the message does not, so settings.LOGGING gives that
logger this filter.
"""

from __future__ import annotations

import logging


class OneLineWarning(logging.Filter):
    """Make each record a WARNING without its traceback or stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True
