#!/usr/bin/env python3
"""Benchmark the Insights page on the ten-year demo, in one process.

    python bench/bench_insights.py [--entries 200] [--people 300] [--moments 20000]
                                   [--years 10] [--rounds 100] [--rebuilds 5]

What it does:
1. A throwaway data directory (SQLite, or NEARER_DATABASE_URL: an empty database),
   production settings, throwaway secrets, migrated (as bench_pages.py does).
2. Builds the demo (``nearer.demo.build_demo``): 300 people, 20,000 moments, about
   7,000 check-ins and ten years of scales (a small journal: it plays no part here).
3. Logs in through the login page (which refreshes derived values).
4. Times, interleaved round by round, the server time of the bare view and of
   /insights/ with its derived value current (the stored findings read and their
   fingerprint checked).
5. Times rebuilding the findings from the rows (``findings_rebuild``: every
   check-in and moment opened, every comparison bootstrapped, sealed and stored),
   and the page when its value is old (worked out in memory on the request).
6. Prints the machine, medians, p95s, ratios, and the demo's findings.

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
    parser.add_argument("--rebuilds", type=int, default=5)
    args = parser.parse_args()

    data_dir = bench_pages.throwaway_nearer()
    from django.urls import reverse

    info = bench_pages.machine()
    from nearer.insights.findings import FINDINGS, findings_rebuild
    from nearer.insights.words import missing, sentence
    from nearer.vault.derived import WHOLE_ACCOUNT as WHOLE
    from nearer.vault.models import DerivedValue

    demo, client, user, vault = bench_pages.demo_logged_in(args)
    url = reverse("insights:index")
    server = bench_pages._last_server_seconds

    def timed(target: str) -> float:
        server.clear()
        page = client.get(target)
        assert page.status_code == 200, f"{target}: HTTP {page.status_code}"
        return sum(server)

    timings: dict[str, list[float]] = {"bare view": [], "Insights (value current)": []}
    for _ in range(5):
        timed("/bench/bare/")
        timed(url)
    for _ in range(args.rounds):
        timings["bare view"].append(timed("/bench/bare/"))
        timings["Insights (value current)"].append(timed(url))
    rebuilds = []
    for _ in range(args.rebuilds):
        began = time.perf_counter()
        found = findings_rebuild(user=user, vault=vault)
        rebuilds.append(time.perf_counter() - began)
    # Where a rebuild's time goes, once each.
    from nearer.insights import findings as findings_module

    parts: dict[str, float] = {}
    for label, step in (
        ("fingerprint", lambda: findings_module.fingerprint(user.pk)),
        ("check-ins opened", lambda: findings_module._checkin_days(user.pk, vault)),
        (
            "moments opened",
            lambda: findings_module._moment_days(
                user, vault, findings_module.index_open(user=user, vault=vault)
            ),
        ),
        ("everything worked out", lambda: findings_module._compute(user.pk, vault, WHOLE)),
    ):
        began = time.perf_counter()
        step()
        parts[label] = time.perf_counter() - began
    old = []
    for _ in range(args.rebuilds):
        DerivedValue.objects.filter(owner=user, kind=FINDINGS.name).update(version=0)
        old.append(timed(url))
    base = statistics.median(timings["bare view"])
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Insights benchmark, {time.strftime('%Y-%m-%d')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {bench_pages.database_version()}")
    print(
        f"- Demo: {demo.people} people, {demo.moments} moments, {demo.checkins} check-ins, "
        f"{demo.scale_results} scale results over {args.years} years "
        f"(built in {demo.seconds:.1f} s); {len(found.findings)} findings, "
        f"{found.checkin_days} days with a check-in, {found.moment_days} with a moment"
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
        f"| Insights (value old: worked out on the request) | {len(old)} | "
        f"{statistics.median(old) * 1000:.0f} | {max(old) * 1000:.0f} | "
        f"{statistics.median(old) / base:.0f}× |"
    )
    print(
        f"\nRebuilding the findings (findings_rebuild), {len(rebuilds)} runs: median "
        f"{statistics.median(rebuilds):.2f} s, slowest {max(rebuilds):.2f} s\n"
    )
    print(
        "Parts, once each: "
        + ", ".join(f"{label} {seconds * 1000:.0f} ms" for label, seconds in parts.items())
        + "\n"
    )
    print("Findings of the demo:\n")
    for finding in found.findings:
        said = sentence(finding) if finding.ready else missing(finding)
        print(f"- {'CLEAR' if finding.clear else 'no clear / not enough'}: {said}")
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
