"""Path converters for the numbers in our URLs: each is range-checked, so a number no
date or database column can hold is a 404 instead of an OverflowError (a 500).

Django treats a ``ValueError`` from ``to_python`` as "this pattern does not match".
Registered once, in ``nearer.urls``, before any app's URLconf is included.
"""

from __future__ import annotations

from django.urls import register_converter

# The largest value of a signed 32-bit integer column (and of C's int, which date()
# uses): anything above it overflows somewhere below the view.
INT32_MAX = 2**31 - 1


class BoundedIntConverter:
    """Digits whose value lies between ``minimum`` and ``maximum``, as an int."""

    # Leading zeros stay allowed ("/2024/03/"), so the length is not bounded here.
    regex = "[0-9]+"
    minimum = 0
    maximum = INT32_MAX

    def to_python(self, value: str) -> int:
        number = int(value)
        if not self.minimum <= number <= self.maximum:
            raise ValueError(f"{number} is outside {self.minimum}..{self.maximum}")
        return number

    def to_url(self, value: int) -> str:
        return str(self.to_python(str(value)))


class YearConverter(BoundedIntConverter):
    """A year Python's dates can hold: 1 to 9999."""

    minimum, maximum = 1, 9999


class MonthConverter(BoundedIntConverter):
    """A month: 1 to 12."""

    minimum, maximum = 1, 12


class DayConverter(BoundedIntConverter):
    """A day of a month: 1 to 31 (the view still checks the month has it)."""

    minimum, maximum = 1, 31


CONVERTERS: dict[str, type[BoundedIntConverter]] = {
    "int32": BoundedIntConverter,
    "year": YearConverter,
    "month": MonthConverter,
    "day": DayConverter,
}


def register() -> None:
    """Register our converters by name (``<year:year>``); calling it twice is harmless."""
    for name, converter in CONVERTERS.items():
        register_converter(converter, name)
