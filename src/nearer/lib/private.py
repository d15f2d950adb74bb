"""A repr that keeps what a person wrote out of logs and tracebacks."""

from __future__ import annotations


class QuietRepr:
    """Mixin for value classes holding sealed-at-rest words (names, notes, labels).

    Django logs a template's whole context at DEBUG level when a variable is
    missing, and tracebacks print locals: a default dataclass repr would put the
    opened values there. This one shows the class and the row id only. Use it with
    ``@dataclass(repr=False)``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        for name in ("id", "date_id", "person_id"):
            value = getattr(self, name, None)
            if value is not None:
                return f"{type(self).__name__}({name}={value})"
        return f"{type(self).__name__}(…)"
