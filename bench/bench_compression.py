#!/usr/bin/env python3
"""How much gzip saves on Nearer's pages, and what it costs the server.

    python bench/bench_compression.py [--years 2] [--entries 700] [--people 300]
                                      [--moments 3000] [--rounds 60]

Sets up a throwaway Nearer with production settings (bench_pages.throwaway_nearer),
builds a demo account, logs it in, then fetches the login page (logged out), Today,
the journal's month, People and Check-ins, each with and without
``Accept-Encoding: gzip``, interleaved round by round. Prints per page the bytes sent
both ways, the share saved, and the server's median time both ways (from the
outermost middleware in, so the compression is counted). Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--entries", type=int, default=700)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()

    bench_pages.throwaway_nearer("nearer-bench-gzip-")
    from django.test import Client
    from django.utils import timezone

    _demo, client, _user, _vault = bench_pages.demo_logged_in(args)
    today = timezone.localdate()
    pages: dict[str, tuple[Any, str]] = {
        "login (logged out)": (Client(), "/accounts/login/"),
        "Today": (client, "/"),
        "journal month": (client, f"/journal/{today.year}/{today.month}/"),
        "People": (client, "/people/"),
        "Check-ins": (client, "/checkins/"),
    }
    sizes: dict[tuple[str, bool], int] = {}
    times: dict[tuple[str, bool], list[float]] = {key: [] for key in sizes}
    for _ in range(args.rounds):
        for name, (who, url) in pages.items():
            for zipped in (False, True):
                headers = {"HTTP_ACCEPT_ENCODING": "gzip"} if zipped else {}
                response = who.get(url, **headers)
                assert response.status_code == 200, (name, response.status_code)
                assert (response.get("Content-Encoding") == "gzip") == zipped, name
                sizes[(name, zipped)] = len(response.content)
                times.setdefault((name, zipped), []).append(bench_pages._last_server_seconds[-1])

    info = bench_pages.machine()
    print(f"Machine: {info}  (a shared machine: others were working on it)")
    print(
        f"Demo: {args.years} years, {args.entries} entries, {args.people} people, "
        f"{args.moments} moments; {args.rounds} rounds"
    )
    print()
    print("| page | plain bytes | gzip bytes | saved | server ms plain | server ms gzip |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in pages:
        plain, packed = sizes[(name, False)], sizes[(name, True)]
        t_plain = statistics.median(times[(name, False)]) * 1000
        t_gzip = statistics.median(times[(name, True)]) * 1000
        print(
            f"| {name} | {plain:,} | {packed:,} | {1 - packed / plain:.0%} "
            f"| {t_plain:.1f} | {t_gzip:.1f} |"
        )


if __name__ == "__main__":
    main()
