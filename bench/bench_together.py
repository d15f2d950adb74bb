#!/usr/bin/env python3
"""Benchmark the space for two (Together) on the demo and its partner.

    python bench/bench_together.py [--rounds 200]

What it does:
1. A throwaway data directory (SQLite, or NEARER_DATABASE_URL: an empty database),
   production settings, throwaway secrets, migrated (as bench_pages.py does).
2. Builds a small demo (its own journal, people and moments play no part here)
   with its partner: two years of daily questions (about 1,300 answers) and
   weekly check-ins, paired through Together's services.
3. Logs in as the demo through the login page.
4. Times, interleaved round by round, the server time of the bare view, the
   space's home, today's question (both answered), the first and the last page
   of earlier questions (20 days a page, both answers opened), this week's
   check-in, last week's check-in gone through, earlier check-ins and moments
   together.
5. Prints the machine, medians, p95s and ratios to the bare view.

It is not a test: nothing fails when a target is missed (the target: the home and
the question history within 3× the bare view).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="nearer-bench-")
    os.environ["NEARER_DATA_DIR"] = data_dir
    os.environ["NEARER_SECRET_KEY"] = secrets.token_urlsafe(48)
    os.environ["NEARER_PEPPER"] = secrets.token_urlsafe(48)
    os.environ.pop("NEARER_TESTING", None)
    os.environ.setdefault("NEARER_ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import include, path, reverse
    from django.utils import timezone

    from nearer.demo import build_demo
    from nearer.rituals.models import CheckinWeek, DailyAnswer
    from nearer.rituals.selectors import HISTORY_PAGE

    bench_pages.urlpatterns.extend(
        [path("bench/bare/", bench_pages.bare), path("", include("nearer.urls"))]
    )
    settings.ROOT_URLCONF = bench_pages.MODULE
    settings.MIDDLEWARE = [f"{bench_pages.MODULE}.ServerTimer", *settings.MIDDLEWARE]
    info = bench_pages.machine()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    demo = build_demo(
        username="bench",
        password=password,
        years=2,
        entries=100,
        people=30,
        moments=300,
        checkins=False,
        scales=False,
        shares=0,
        deck_sessions=0,
        out=sys.stderr,
    )
    login_url = reverse("accounts:login")
    clients = {}
    for who, secret in (("bench", password), (demo.partner_username, demo.partner_password)):
        client = Client()
        client.get(login_url)
        response = client.post(login_url, {"username": who, "password": secret})
        assert response.status_code == 302, f"login failed: {response.status_code}"
        clients[who] = client
    client = clients["bench"]
    day = timezone.localdate().isoformat()
    # Both answer today's question, so its page opens and shows both answers.
    for who, words in (("bench", "the river walk"), (demo.partner_username, "our slow breakfast")):
        answered = clients[who].post(
            reverse("rituals:question_answer"), {"day": day, "answer": words}
        )
        assert answered.status_code == 302, answered.status_code
    server = bench_pages._last_server_seconds
    mine = DailyAnswer.objects.filter(author__username="bench").count()
    last_page = max(1, -(-(mine - 1) // HISTORY_PAGE))
    last_week = CheckinWeek.objects.order_by("-week_of").values_list("id", flat=True).first()
    pages = {
        "bare view": "/bench/bare/",
        "space home": reverse("together:index"),
        "today's question (both answered)": reverse("rituals:question"),
        "earlier questions, page 1": reverse("rituals:question_history"),
        f"earlier questions, page {last_page} (the last)": reverse("rituals:question_history")
        + f"?page={last_page}",
        "this week's check-in": reverse("rituals:checkin"),
        "a week's check-in gone through": reverse("rituals:checkin_week", args=[last_week]),
        "earlier check-ins": reverse("rituals:checkin_history"),
        "moments together": reverse("rituals:moments"),
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

    base = statistics.median(timings["bare view"])
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Together benchmark, {time.strftime('%Y-%m-%d')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {bench_pages.database_version()}")
    print(
        f"- Demo with its partner (built in {demo.seconds:.1f} s): "
        f"{DailyAnswer.objects.count()} daily answers, {CheckinWeek.objects.count()} "
        "weekly check-ins over two years"
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
