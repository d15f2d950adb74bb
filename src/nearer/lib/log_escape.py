"""Logs that text from a request cannot forge: control characters are shown escaped.

A path may carry ``%0a`` (a real new line once decoded), a username or user agent a
carriage return or a terminal escape. Written as they are, they start a fake log line
or repaint the operator's terminal. Everything a log line interpolates goes through
:func:`escape_controls`: Django's and the libraries' records through
:class:`EscapeControls` (a filter on our handlers, see settings.LOGGING), gunicorn's
access and error logs through :class:`GunicornLogger` (`nearer serve` selects it).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from gunicorn.glogging import Logger as _GunicornBaseLogger

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, Unicode's line and paragraph separators (some log viewers
# break lines there) and the bidirectional overrides (they reorder what is shown).
_UNSAFE = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_TABLE = {
    code: _NAMED.get(chr(code), f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in _UNSAFE
}


def escape_controls(text: str) -> str:
    """Return ``text`` with every control or line-breaking character written as an escape."""
    return text.translate(_TABLE)


def _escaped(value: object) -> object:
    return escape_controls(value) if isinstance(value, str) else value


class EscapeControls(logging.Filter):
    """Escapes the string arguments of each record (or its message, if it has none).

    The message format is the program's own and may span lines on purpose; what is
    interpolated into it may come from a request. A traceback is left as it is.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):
            record.args = {key: _escaped(value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(_escaped(value) for value in record.args)
        elif isinstance(record.msg, str):
            record.msg = escape_controls(record.msg)
        return True


class GunicornLogger(_GunicornBaseLogger):  # type: ignore[misc]
    """gunicorn's logger with every access-log atom escaped and the error log filtered."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.addFilter(EscapeControls())

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, object]:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: _escaped(value) for key, value in atoms.items()}
