"""The person's own clock: now and today in the time zone from their preferences."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from datetime import datetime

from django.utils import timezone


def local_now(prefs: Mapping[str, object]) -> datetime:
    """Return now in the person's chosen time zone (the server's when unset or unknown)."""
    zone = prefs.get("time_zone")
    if isinstance(zone, str) and zone:
        try:
            return timezone.now().astimezone(zoneinfo.ZoneInfo(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.localtime()
