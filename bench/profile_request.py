#!/usr/bin/env python3
"""Server CPU of each page of the load mix, one request at a time, in one process.

    python bench/profile_request.py [--rounds 100] [--profile PAGE] [--queries PAGE]

The same small demo account as bench/bench_load.py (2 years, 800 entries, 60 people,
1,500 moments), logged in once through the login page, then, round by round, each
request of bench/locustfile.py's mix through Django's test client: Today, the
journal (``/journal/`` and the month it redirects to), an entry, People, a person,
the check-in form and its two posts (and the day page the save redirects to), the
journal form and its post (and the entry it redirects to).

Each request is timed by the CPU time of this thread (``time.thread_time``), so
the numbers stay usable while other work shares the machine; the number of SQL
queries and the response size are counted too. The last line is the mix's mean
CPU per request as locust counts requests (it follows a redirect within one),
weighted as locust weights its tasks: the number the load benchmark's req/s on
one server core depends on. ``--profile PAGE`` prints where one page's time
goes (pyinstrument if installed, else cProfile); ``--queries PAGE`` prints its SQL.

Not a test: nothing fails on a miss.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages
from load_forms import fill

# locustfile.Person's task weights; a write task is its form GET and its POSTs.
WEIGHTS = {
    "today": 30,
    "journal month": 15,
    "an entry": 15,
    "people": 10,
    "a person": 10,
    "check-in (write)": 10,
    "journal entry (write)": 10,
}


class Mix:
    """The mix's requests against one logged-in test client."""

    def __init__(self, client: Any) -> None:
        self.client = client
        month = self.client.get("/journal/", follow=True).content.decode()
        self.entries = re.findall(r'href="(/journal/[0-9a-f-]{36}/)"', month)
        people = self.client.get("/people/").content.decode()
        self.people = re.findall(r'href="(/people/[0-9a-f-]{36}/)"', people)
        assert self.entries and self.people, "the demo has entries and people"
        self.turn = 0

    def _next(self, items: list[str]) -> str:
        self.turn += 1
        return items[self.turn % len(items)]

    def requests(self) -> dict[str, Callable[[], list[Any]]]:
        """Each task of the mix: a callable making its requests, returning the responses."""
        get = self.client.get
        return {
            "today": lambda: [get("/")],
            "journal month": lambda: self._follow(get("/journal/")),
            "an entry": lambda: [get(self._next(self.entries))],
            "people": lambda: [get("/people/")],
            "a person": lambda: [get(self._next(self.people))],
            "check-in (write)": lambda: self._submit("/checkins/new/"),
            "journal entry (write)": lambda: self._submit(
                "/journal/new/", {"entry_date": self._past_day()}
            ),
        }

    def _follow(self, response: Any) -> list[Any]:
        responses = [response]
        while response.status_code in (301, 302, 303):
            response = self.client.get(response["Location"])
            responses.append(response)
        return responses

    def _past_day(self) -> str:
        # As locustfile.py dates its entries: a day of the last year.
        return (date.today() - timedelta(days=random.randrange(365))).isoformat()

    def _submit(self, url: str, chosen: dict[str, str] | None = None) -> list[Any]:
        responses = [self.client.get(url)]
        for _ in range(4):
            form = fill(responses[-1].content.decode(), url)
            if form is None:
                break
            action, data = form
            data.update({key: value for key, value in (chosen or {}).items() if key in data})
            answer = self.client.post(action, data)
            if answer.status_code in (301, 302, 303):
                responses += self._follow(answer)
                break
            responses.append(answer)
        return responses


def _profile(task: Callable[[], Any], rounds: int) -> None:
    """Print where ``rounds`` runs of ``task`` spend their time (pyinstrument, else cProfile)."""
    for _ in range(5):
        task()
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(lambda: [task() for _ in range(rounds)])
        stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
        stats.print_stats(60)
        return
    sampler = Profiler(interval=0.0005)
    sampler.start()
    for _ in range(rounds):
        task()
    sampler.stop()
    print(sampler.output_text(show_all=True, short_mode=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--profile", metavar="PAGE", help="profile this task instead")
    parser.add_argument("--queries", metavar="PAGE", help="print this task's SQL and stop")
    args = parser.parse_args()

    bench_pages.throwaway_nearer("nearer-bench-profile-")
    demo_args = argparse.Namespace(years=2, entries=800, people=60, moments=1500)
    _demo, client, _user, _vault = bench_pages.demo_logged_in(demo_args)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tasks = Mix(client).requests()
    if args.profile:
        _profile(tasks[args.profile], args.rounds)
        return
    if args.queries:
        with CaptureQueriesContext(connection) as captured:
            responses = tasks[args.queries]()
        for response in responses:
            print(response.status_code, response.wsgi_request.path)
        for query in captured.captured_queries:
            print(f"{query['time']}  {query['sql'][:300]}")
        return

    # Per request name (a task's requests are told apart by their order).
    cpu: dict[str, list[float]] = {}
    queries: dict[str, list[int]] = {}
    sizes: dict[str, list[int]] = {}
    task_cpu: dict[str, list[float]] = {name: [] for name in tasks}
    task_requests: dict[str, int] = {}
    task_counted: dict[str, int] = {}
    for round_number in range(args.rounds + 3):
        for name, task in tasks.items():
            with CaptureQueriesContext(connection) as captured:
                began = time.thread_time()
                responses = task()
                spent = time.thread_time() - began
            if round_number < 3:  # warm-up: templates compiled, caches filled
                continue
            task_cpu[name].append(spent)
            task_requests[name] = len(responses)
            # locust follows a redirect inside the request that got it: one request.
            task_counted[name] = sum(r.status_code not in (301, 302, 303) for r in responses)
            for step, response in enumerate(responses):
                key = f"{name} [{step + 1}] {response.wsgi_request.method} {response.status_code}"
                sizes.setdefault(key, []).append(len(response.content))
            queries.setdefault(name, []).append(len(captured.captured_queries))
            cpu.setdefault(name, []).append(spent / len(responses))

    print(f"- Machine: {bench_pages.machine()['CPU']}; load {bench_pages.os.getloadavg()[0]:.2f}")
    print(f"- Database: {bench_pages.database_version()}; {args.rounds} rounds")
    print()
    print("| task | requests | CPU ms per task (median) | per request | queries | bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    weighted_cpu = weighted_requests = 0.0
    for name in tasks:
        per_task = statistics.median(task_cpu[name])
        count = task_requests[name]
        weighted_cpu += WEIGHTS[name] * per_task
        weighted_requests += WEIGHTS[name] * task_counted[name]
        size = "/".join(
            f"{statistics.median(v) / 1000:.1f}k" for k, v in sizes.items() if k.startswith(name)
        )
        print(
            f"| {name} | {count} | {per_task * 1000:.2f} | {per_task / count * 1000:.2f} | "
            f"{statistics.median(queries[name]):.0f} | {size} |"
        )
    print(
        f"\nMix: {weighted_cpu / weighted_requests * 1000:.2f} ms of CPU per request as "
        f"locust counts them (a redirect and the page it leads to: one), weighted as "
        f"locust weights its tasks"
    )


if __name__ == "__main__":
    main()
