#!/usr/bin/env python3
"""What keeping the reminder dates costs a write, in one process.

    python bench/bench_reminders.py [--people 300] [--moments 5000] [--rounds 60]

Builds the demo account on a throwaway data directory (bench_pages' set-up:
production settings, SQLite or NEARER_DATABASE_URL), then times, interleaved round by
round: a moment saved with reminders off (the hook finds no row: one query) and with
every kind on (the hook works the first due nudge out: the people index opened and
one query over everyone's clocks), and ``dates_refresh`` of each part alone. Prints
medians. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    bench_pages.throwaway_nearer("nearer-bench-reminders-")
    from datetime import time as clock

    from django.db import connection
    from django.utils import timezone

    from nearer.moments.services import moment_create
    from nearer.people.models import Person
    from nearer.reminders.dates import dates_refresh
    from nearer.reminders.models import Reminder
    from nearer.reminders.services import reminders_update

    args.years, args.entries = 2, 10
    _demo, _client, user, vault = bench_pages.demo_logged_in(args)
    someone = Person.objects.filter(owner=user).values_list("id", flat=True).first()

    def save_moment() -> float:
        began = time.perf_counter()
        moment_create(
            user=user,
            vault=vault,
            occurred_on=timezone.localdate(),
            person_ids=[someone],
            how="call",
        )
        return time.perf_counter() - began

    def refresh(part: str) -> float:
        began = time.perf_counter()
        dates_refresh(user=user, vault=vault, parts=[part])  # type: ignore[list-item]
        return time.perf_counter() - began

    kinds = ["checkin", "people", "scale", "birthday"]
    timings: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        Reminder.objects.filter(owner=user).delete()
        timings.setdefault("moment saved, reminders off", []).append(save_moment())
        reminders_update(user=user, vault=vault, kinds=kinds, send_at=clock(9))
        timings.setdefault("moment saved, every kind on", []).append(save_moment())
        for part in ("nudges", "birthdays", "scales"):
            timings.setdefault(f"dates_refresh({part}) alone", []).append(refresh(part))
    print(
        f"{connection.vendor}, {args.people} people, {args.moments} moments, {args.rounds} rounds"
    )
    print("| what | median ms |\n|---|---|")
    for name, values in timings.items():
        print(f"| {name} | {statistics.median(values) * 1000:.2f} |")


if __name__ == "__main__":
    main()
