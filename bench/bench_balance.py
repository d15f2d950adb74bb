#!/usr/bin/env python3
"""Benchmark balance and care, the year in pixels and the charts' ranges on the demo.

    python bench/bench_balance.py [--entries 200] [--people 300] [--moments 20000]
                                  [--years 10] [--rounds 100]

What it does:
1. A throwaway data directory (SQLite, or NEARER_DATABASE_URL: an empty database),
   production settings, throwaway secrets, migrated (as bench_pages.py does).
2. Builds the demo (``nearer.demo.build_demo``): 300 people, 20,000 moments, about
   7,000 check-ins and ten years of scales (a small journal: it plays no part here).
3. Logs in through the login page.
4. Times, interleaved round by round, the server time of the bare view, balance and
   care (the moments of 455 days opened, the people index once), the year in pixels
   of last year and of this year (that year's check-ins opened), the scales' trends
   at each range, and the page of the person with the most moments at a range.
5. Times the parts once each: opening the balance's moments, a year's check-ins,
   and the care list.
6. Prints the machine, medians, p95s and ratios to the bare view.

It is not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    data_dir = bench_pages.throwaway_nearer()
    from django.urls import reverse

    info = bench_pages.machine()
    from django.db.models import Count
    from django.utils import timezone

    from nearer.checkins.models import CheckIn
    from nearer.insights.balance import balance_for, periods_for
    from nearer.insights.care import care_for
    from nearer.insights.pixels import year_for
    from nearer.moments.models import Moment
    from nearer.people.models import Person

    demo, client, user, vault = bench_pages.demo_logged_in(args)
    server = bench_pages._last_server_seconds
    today = timezone.localdate()
    busiest = (
        Person.objects.filter(owner=user)
        .annotate(count=Count("moment_links"))
        .order_by("-count")
        .values_list("id", flat=True)
        .first()
    )
    pages = {
        "bare view": "/bench/bare/",
        "balance and care": reverse("insights:balance"),
        f"year in pixels, {today.year - 1}": reverse("insights:year_of", args=[today.year - 1]),
        f"year in pixels, {today.year}": reverse("insights:year"),
        "trends, 3 months": reverse("scales:trends") + "?range=3m",
        "trends, a year": reverse("scales:trends") + "?range=1y",
        "trends, all": reverse("scales:trends") + "?range=all",
        "person (most moments), a year": f"/people/{busiest}/?range=1y",
    }

    def timed(target: str) -> float:
        server.clear()
        page = client.get(target)
        assert page.status_code == 200, f"{target}: HTTP {page.status_code}"
        return sum(server)

    timings: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(5):
        for target in pages.values():
            timed(target)
    for _ in range(args.rounds):
        for name, target in pages.items():
            timings[name].append(timed(target))

    periods = periods_for(today)
    counts = {
        "moments in the balance's 455 days": Moment.objects.filter(
            owner=user, occurred_on__gte=periods.before_start
        ).count(),
        f"check-ins in {today.year - 1}": CheckIn.objects.filter(
            owner=user, local_date__year=today.year - 1
        ).count(),
    }
    parts: dict[str, float] = {}
    for label, step in (
        ("balance (moments opened)", lambda: balance_for(user=user, vault=vault, today=today)),
        (
            f"year {today.year - 1} (check-ins opened)",
            lambda: year_for(user=user, vault=vault, year=today.year - 1),
        ),
        (
            "care (people index and clear dates)",
            lambda: care_for(user=user, vault=vault, today=today),
        ),
    ):
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            step()
            runs.append(time.perf_counter() - began)
        parts[label] = statistics.median(runs)

    base = statistics.median(timings["bare view"])
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Balance, year in pixels and chart ranges benchmark, {time.strftime('%Y-%m-%d')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {bench_pages.database_version()}")
    print(
        f"- Demo: {demo.people} people, {demo.moments} moments, {demo.checkins} check-ins, "
        f"{demo.scale_results} scale results over {args.years} years "
        f"(built in {demo.seconds:.1f} s); "
        + ", ".join(f"{count} {label}" for label, count in counts.items())
    )
    print()
    print("| request | n | median ms | p95 ms | median ÷ bare |")
    print("|---|---:|---:|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {name} | {len(values)} | {median * 1000:.2f} | "
            f"{bench_pages.percentile(values, 0.95) * 1000:.2f} | {median / base:.2f}× |"
        )
    print(
        "\nParts, median of 5: "
        + ", ".join(f"{label} {seconds * 1000:.0f} ms" for label, seconds in parts.items())
        + "\n"
    )
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
