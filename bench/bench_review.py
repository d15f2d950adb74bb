#!/usr/bin/env python3
"""Benchmark the weekly review on the ten-year demo, in one process.

    python bench/bench_review.py [--entries 200] [--people 300] [--moments 20000]
                                 [--years 10] [--rounds 200]

What it does:
1. A throwaway data directory (SQLite, or NEARER_DATABASE_URL: an empty database),
   production settings, throwaway secrets, migrated (as bench_pages.py does).
2. Builds the demo (``nearer.demo.build_demo``): 300 people, 20,000 moments (about
   40 a week), about 7,000 check-ins and ten years of scales; a small journal.
3. Logs in through the login page, and opts in to the review on today's weekday.
4. Times, interleaved round by round, the server time of the bare view, /review/
   (this week), /review/?week= (the week before: a whole week of data), and Today
   with the review offered, once set aside, and not opted in.
5. Prints the machine, medians, p95s and ratios to the bare view as a Markdown table.

It is not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument(
        "--profile", action="store_true", help="instead of timing, profile /review/ requests"
    )
    args = parser.parse_args()

    data_dir = bench_pages.throwaway_nearer()
    from django.urls import reverse

    info = bench_pages.machine()
    from nearer.accounts.services import preferences_get, preferences_update
    from nearer.lib.clock import local_now
    from nearer.review.selectors import week_review
    from nearer.review.week import DAY_KEY, ENABLED_KEY, week_start

    demo, client, user, vault = bench_pages.demo_logged_in(args)
    today = local_now(preferences_get(user=user, vault=vault)).date()
    preferences_update(user=user, vault=vault, **{ENABLED_KEY: True, DAY_KEY: today.weekday()})
    this_week = week_start(today)
    before = this_week - timedelta(weeks=1)
    last = week_review(user=user, vault=vault, start=before, today=today, prefs={})
    server = bench_pages._last_server_seconds

    def timed(target: str, must_show: str | None = None) -> float:
        server.clear()
        page = client.get(target)
        assert page.status_code == 200, f"{target}: HTTP {page.status_code}"
        if must_show is not None:
            assert must_show in page.content.decode(), f"{target} lacks {must_show!r}"
        return sum(server)

    if args.profile:
        bench_pages.profile(lambda: client.get("/review/"), count=30)
        return
    pages = {
        "bare view": ("/bench/bare/", None),
        "review, this week": ("/review/", "One question to sit with"),
        "review, the week before": (f"/review/?week={before.isoformat()}", "Moments together"),
        "Today, review offered": ("/", "A look back at your week"),
    }
    timings: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(5):
        for target, shown in pages.values():
            timed(target, shown)
    for _ in range(args.rounds):
        for name, (target, shown) in pages.items():
            timings[name].append(timed(target, shown))
    # Set aside: Today reads the week's record and shows no offer.
    client.post(reverse("review:dismiss"), {"week": this_week.isoformat()})
    timings["Today, review set aside"] = []
    timings["bare view (again)"] = []
    for _ in range(args.rounds):
        timings["bare view (again)"].append(timed("/bench/bare/"))
        timings["Today, review set aside"].append(timed("/"))
    # Not opted in (the default): Today makes no query for the review at all.
    preferences_update(user=user, vault=vault, **{ENABLED_KEY: False})
    timings["Today, not opted in"] = []
    for _ in range(args.rounds):
        timings["bare view (again)"].append(timed("/bench/bare/"))
        timings["Today, not opted in"].append(timed("/"))
    base = statistics.median(timings["bare view"])
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Weekly review benchmark, {time.strftime('%Y-%m-%d')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {bench_pages.database_version()}")
    print(
        f"- Demo: {demo.people} people, {demo.moments} moments, {demo.checkins} check-ins, "
        f"{demo.scale_results} scale results over {args.years} years "
        f"(built in {demo.seconds:.1f} s); the week before holds {last.moments_total} "
        f"moments and {last.checkins_total} check-ins"
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
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
