"""The time zones a person can choose: real places, grouped by region, UTC first.

``zoneinfo.available_timezones()`` has 599 names, among them "Factory", legacy
aliases ("US/Eastern", "Asia/Calcutta") and the Etc/ offsets. The list offered is
the tz database's own list of zones by country (zone.tab): one or more real zones
per country under their current names, so Oslo and Stockholm are there even
though the database now links them to another zone, and no alias is. Only names
this Python can load are offered. A name kept from before that isn't in the list
(an alias saved by an older page) is still shown and accepted for that person, so
opening the Account page never changes their zone.
"""

from __future__ import annotations

import functools
import importlib.resources
import zoneinfo
from pathlib import Path

DEFAULT = "UTC"
_SYSTEM_TAB = Path("/usr/share/zoneinfo/zone.tab")

Choices = list[tuple[str, str] | tuple[str, list[tuple[str, str]]]]


def _zone_tab() -> str:
    # The tzdata package (our dependency) carries the same file as the system.
    try:
        return importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return _SYSTEM_TAB.read_text() if _SYSTEM_TAB.exists() else ""


@functools.cache
def zone_names() -> frozenset[str]:
    """Return the names offered (UTC and every real zone this Python can load)."""
    loadable = zoneinfo.available_timezones()
    names = {DEFAULT}
    for line in _zone_tab().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3 and "/" in parts[2] and parts[2] in loadable:
            names.add(parts[2])
    return frozenset(names)


def _place(name: str) -> str:
    return name.split("/", 1)[1].replace("_", " ").replace("/", " / ")


@functools.cache
def _grouped() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    regions: dict[str, list[tuple[str, str]]] = {}
    for name in zone_names() - {DEFAULT}:
        regions.setdefault(name.split("/", 1)[0], []).append((name, _place(name)))
    return tuple(
        (region, tuple(sorted(zones, key=lambda zone: zone[1])))
        for region, zones in sorted(regions.items())
    )


def zone_choices(*, keep: str | None = None) -> Choices:
    """Return the choices for a <select>: UTC, then one <optgroup> per region.

    ``keep``: a loadable name the person already has that is not in the list; it is
    offered first, as their current zone.
    """
    choices: Choices = []
    if keep and keep not in zone_names() and keep in zoneinfo.available_timezones():
        choices.append((keep, f"{keep.replace('_', ' ')} (your zone until now)"))
    choices.append((DEFAULT, "UTC (no time zone)"))
    choices.extend((region, list(zones)) for region, zones in _grouped())
    return choices
