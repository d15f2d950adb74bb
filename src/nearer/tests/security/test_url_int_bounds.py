"""Security: a number in a URL too big for the database or a date is a 404, never a 500.

Every route of our apps is walked (as the IDOR sweep does); each part whose converter
takes digits is filled with 99999999999 (above 2^31), the other parts with a harmless
value. Django's admin (staff only, object ids as text) is left to Django.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import get_converters

from nearer.conftest import Person

HUGE = "99999999999"
_PART = re.compile(r"<(?:(\w+):)?(\w+)>")


def _routes() -> list[str]:
    found: list[str] = []

    def walk(patterns: Sequence[object], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and not prefix.startswith("admin/"):
                found.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "")
    return found


def _takes_digits(converter_name: str) -> bool:
    converter = get_converters()[converter_name]
    return re.fullmatch(converter.regex, HUGE) is not None


def _filled(route: str) -> tuple[str, bool]:
    """Return the route's path with every digit part HUGE, and whether it had one."""
    had_digits = False

    def value(match: re.Match[str]) -> str:
        nonlocal had_digits
        converter_name = match.group(1) or "str"
        if converter_name == "uuid":
            return str(uuid.uuid4())
        if _takes_digits(converter_name):
            had_digits = True
            return HUGE
        return "somepart"

    return "/" + _PART.sub(value, route), had_digits


def _digit_routes() -> list[str]:
    return [path for path, had in map(_filled, _routes()) if had]


def test_the_sweep_reaches_the_dated_pages() -> None:
    paths = {re.sub(r"[0-9a-f-]{36}", "<id>", path) for path in _digit_routes()}
    assert f"/checkins/{HUGE}/{HUGE}/{HUGE}/" in paths
    assert f"/checkins/{HUGE}/{HUGE}/" in paths
    assert f"/journal/{HUGE}/{HUGE}/" in paths


@pytest.mark.parametrize("path", _digit_routes())
def test_a_number_too_big_is_not_found(alice: Person, path: str) -> None:
    assert alice.client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/checkins/99999999999/1/1/",
        "/checkins/2024/99999999999/1/",
        "/checkins/2024/1/99999999999/",
        "/checkins/2147483648/1/",
        "/journal/2147483648/1/",
        "/checkins/0/1/1/",
        "/checkins/2024/13/1/",
        "/checkins/2024/1/32/",
        "/journal/2024/0/",
        "/journal/10000/1/",
    ],
)
def test_each_part_out_of_range_is_not_found(alice: Person, path: str) -> None:
    assert alice.client.get(path).status_code == 404


def test_a_date_in_range_still_opens(alice: Person) -> None:
    from django.utils import timezone

    today = timezone.localdate()
    day_path = f"/checkins/{today.year}/{today.month:02d}/{today.day}/"
    assert alice.client.get(day_path).status_code == 200
    assert alice.client.get(f"/journal/{today.year}/{today.month}/").status_code == 200
