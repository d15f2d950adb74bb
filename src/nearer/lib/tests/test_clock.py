"""lib.clock: now in the zone the caller passes, the server's when it is unset or unknown."""

from __future__ import annotations

import zoneinfo

from django.test import override_settings

from nearer.lib.clock import local_now


def test_it_uses_the_time_zone_it_is_given() -> None:
    now = local_now({"time_zone": "Pacific/Kiritimati"})
    assert now.utcoffset() == zoneinfo.ZoneInfo("Pacific/Kiritimati").utcoffset(now)
    assert str(now.tzinfo) == "Pacific/Kiritimati"


@override_settings(TIME_ZONE="Pacific/Pago_Pago")
def test_an_unknown_or_missing_zone_falls_back_to_the_servers() -> None:
    for prefs in ({"time_zone": "Nowhere/Atlantis"}, {"time_zone": ""}, {}):
        assert str(local_now(prefs).tzinfo) == "Pacific/Pago_Pago"
