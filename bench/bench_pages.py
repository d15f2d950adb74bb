#!/usr/bin/env python3
"""Benchmark Nearer's pages against a bare Django view, in one process.

    python bench/bench_pages.py [--entries 10000] [--people 300] [--moments 20000]
                                [--years 10] [--rounds 300]

What it does:
1. Makes a throwaway data directory (SQLite) with production settings (real Argon2,
   DEBUG off, compressed static files), migrates and collects static files.
2. Builds the demo account (``nearer.demo.build_demo``): a ten-year journal, 300
   people with 20,000 moments and closeness ratings, about 7,000 check-ins and
   ten years of well-being scales.
3. Logs in with Django's test Client through the real login page (timed: Argon2).
4. Measures server time — from the outermost middleware in, so everything Django and
   Nearer do per request is counted — of a bare view that renders a tiny template,
   Today (with nudges, the check-in card and a scale that is due), the journal's
   month page, a POST search over every entry, the people list, the page of the
   person with the most moments, the drifting view, the check-ins' month page and
   the scales' trends (ten years of sealed results), the Opening up list (150 shares)
   and its summary page, and drawing a conversation card (a POST that redirects to the
   card's page: both requests' server time added up, beside a bare POST that redirects
   to the bare view). Requests are interleaved round by round so a slow moment of the
   machine hits all of them alike.
5. Prints the machine, medians, p95s and ratios to the bare view as a Markdown table.

It is not a test: nothing fails when a target is missed. Set NEARER_DATABASE_URL to
benchmark PostgreSQL instead of SQLite (the database must be empty).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import secrets
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

MODULE = "bench_pages"
# This file doubles as the bench's URLconf and middleware module (see ``main``).
sys.modules.setdefault(MODULE, sys.modules[__name__])

_last_server_seconds: list[float] = []
# --cpu: the server's own CPU time (time.thread_time) instead of the wall clock, the
# steadier number when other work shares the machine.
_clock: list[Callable[[], float]] = [time.perf_counter]


class ServerTimer:
    """Outermost middleware: records how long the server spent on each request."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        clock = _clock[0]
        began = clock()
        response = self.get_response(request)
        _last_server_seconds.append(clock() - began)
        return response


_bare_template: list[Any] = []


def bare(request: Any) -> Any:
    """The baseline: a small template rendered through the same middleware and login."""
    from django.http import HttpResponse
    from django.template import engines
    from django.utils import timezone

    if not _bare_template:  # compiled once, as Django's cached loader does for real pages
        _bare_template.append(
            engines["django"].from_string(
                "<!doctype html><title>Bare</title><p>Hello, {{ name "
                "}}. It is {{ now|date:'l' }}.</p>"
            )
        )
    html = _bare_template[0].render({"name": "reader", "now": timezone.now()}, request)
    return HttpResponse(html)


def bare_redirect(request: Any) -> Any:
    """The baseline of a POST that redirects (as a draw does): straight to the bare view."""
    from django.http import HttpResponseRedirect

    return HttpResponseRedirect("/bench/bare/")


urlpatterns: list[Any] = []


def _post_and_follow(client: Any, url: str, data: dict[str, str]) -> Any:
    """POST ``data`` to ``url`` and GET the page it redirects to; return that page.

    A redirect anywhere but a card's own page (a draw that found no card) fails the run."""
    response = client.post(url, data)
    assert response.status_code == 302, f"{url}: HTTP {response.status_code}"
    location = response["Location"]
    assert url.startswith("/bench/") or location.split("?")[0].rstrip("/") != "/cards", location
    return client.get(location)


def machine() -> dict[str, str]:
    """Return what the numbers were measured on."""
    import django

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Django": django.get_version(),
        # Other work on the machine skews timings; the load average says how busy it was.
        "load average (1 min) at start": f"{os.getloadavg()[0]:.2f}",
    }


def database_version() -> str:
    """Return the database in use and its version, e.g. ``SQLite 3.40.1``."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version} (a file in the data directory, WAL mode)"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
    return f"{str(version).split(' on ')[0]} (local, loopback TCP)"


def percentile(values: list[float], share: float) -> float:
    """Return the ``share`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def profile(request: Callable[[], Any], count: int = 300) -> None:
    """Print where the time of ``count`` requests goes.

    Uses pyinstrument (a sampling profiler, little overhead) when it is installed,
    else cProfile (whose overhead inflates small, frequent calls).
    """
    for _ in range(5):
        request()
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            request()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    sampler = Profiler(interval=0.0002)
    sampler.start()
    for _ in range(count):
        request()
    sampler.stop()
    print(sampler.output_text(show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=300, help="requests per page")
    parser.add_argument(
        "--search-every",
        type=int,
        default=3,
        help="one search every N rounds (searches are slower)",
    )
    parser.add_argument(
        "--search", action="append", help="words to search for (repeatable; default: a few kinds)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument(
        "--only",
        action="append",
        metavar="PAGE",
        help="time only the pages whose name starts with PAGE, beside the bare view "
        "(repeatable, e.g. 'Opening up')",
    )
    parser.add_argument(
        "--cpu", action="store_true", help="time the server's CPU (thread time), not the wall clock"
    )
    parser.add_argument(
        "--profile",
        metavar="PAGE",
        help="instead of timing, profile requests to the page whose name "
        "starts with PAGE (e.g. 'journal month'); pyinstrument if installed",
    )
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="nearer-bench-")
    os.environ["NEARER_DATA_DIR"] = data_dir
    # Importing the settings makes no secrets (the nearer command does): a throwaway pair.
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
    from django.urls import NoReverseMatch, include, path, reverse
    from django.utils import timezone

    from nearer.demo import build_demo
    from nearer.journal.models import Entry

    urlpatterns.extend(
        [
            path("bench/bare/", bare),
            path("bench/bare-redirect/", bare_redirect),
            path("", include("nearer.urls")),
        ]
    )
    settings.ROOT_URLCONF = MODULE
    settings.MIDDLEWARE = [f"{MODULE}.ServerTimer", *settings.MIDDLEWARE]

    info = machine()
    print(f"Data directory: {data_dir}", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    demo = build_demo(
        username="bench",
        password=password,
        years=args.years,
        entries=args.entries,
        people=args.people,
        moments=args.moments,
        out=sys.stderr,
    )

    client = Client()
    login_url = reverse("accounts:login")
    client.get(login_url)
    began = time.perf_counter()
    response = client.post(login_url, {"username": "bench", "password": password})
    login_seconds = time.perf_counter() - began
    # The two expensive steps of a login, each once more on its own.
    from nearer.accounts.models import User
    from nearer.vault.services import keyring_unlock

    bench_user = User.objects.get(username="bench")
    began = time.perf_counter()
    assert bench_user.check_password(password)
    hash_seconds = time.perf_counter() - began
    began = time.perf_counter()
    assert keyring_unlock(user_id=bench_user.pk, password=password) is not None
    kdf_seconds = time.perf_counter() - began
    assert response.status_code == 302, f"login failed: {response.status_code}"

    # The last full month: a typical month page (the current one may have just begun).
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    month_url = reverse(
        "journal:month", kwargs={"year": last_month.year, "month": last_month.month}
    )
    month_entries = Entry.objects.filter(
        owner__username="bench",
        entry_date__year=last_month.year,
        entry_date__month=last_month.month,
    ).count()
    search_url = reverse("journal:search")
    from django.db.models import Count

    from nearer.checkins.models import CheckIn
    from nearer.people.models import Person

    busiest = (
        Person.objects.filter(owner=bench_user)
        .annotate(count=Count("moment_links"))
        .order_by("-count")
        .values_list("id", "count")
        .first()
    )
    assert busiest is not None, "the demo has people"
    person_url = reverse("people:person", kwargs={"person_id": busiest[0]})
    checkins_url = reverse(
        "checkins:month", kwargs={"year": last_month.year, "month": last_month.month}
    )
    month_checkins = CheckIn.objects.filter(
        owner=bench_user, local_date__year=last_month.year, local_date__month=last_month.month
    ).count()
    pages: dict[str, Callable[[], Any]] = {
        "bare view": lambda: client.get("/bench/bare/"),
        "Today": lambda: client.get(reverse("today:index")),
        f"journal month ({month_entries} entries)": lambda: client.get(month_url),
        f"people list ({args.people} people)": lambda: client.get(reverse("people:index")),
        f"a person's page ({busiest[1]} moments)": lambda: client.get(person_url),
        "drifting view": lambda: client.get(reverse("moments:drifting")),
        f"check-ins month ({month_checkins} check-ins)": lambda: client.get(checkins_url),
        f"scales trends ({demo.scale_results} results)": lambda: client.get(
            reverse("scales:trends")
        ),
        f"Opening up list ({demo.shares} shares)": lambda: client.get(reverse("opening:index")),
    }
    try:
        summary_url = reverse("opening:summary")
    except NoReverseMatch:  # the summary page is not in this tree yet
        print("- Opening up summary: no such page in this tree", file=sys.stderr)
    else:
        pages["Opening up summary"] = lambda: client.get(summary_url)
    # A POST that redirects, then the page it redirects to: two requests, one timing.
    pages["bare POST → redirect → bare view"] = partial(
        _post_and_follow, client, "/bench/bare-redirect/", {}
    )
    pages["draw a card (POST → redirect → card page)"] = partial(
        _post_and_follow, client, reverse("decks:draw"), {"theme": "", "depth": ""}
    )
    searches = args.search or ["heron", "sam walk", "xylophone"]
    found: dict[str, str] = {}
    for words in searches:
        name = f"search “{words}”"
        pages[name] = partial(client.post, search_url, {"q": words})
        page = pages[name]().content.decode()
        heading = re.search(r'id="results-heading">([^<]*)<', page)
        found[name] = heading.group(1).strip() if heading else "?"
    if args.only:
        pages = {
            name: page
            for name, page in pages.items()
            if name == "bare view" or any(name.startswith(prefix) for prefix in args.only)
        }
        found = {name: heading for name, heading in found.items() if name in pages}
    if args.cpu:
        _clock[0] = time.thread_time
    timings: dict[str, list[float]] = {name: [] for name in pages}
    if args.profile:
        profile(next(p for name, p in pages.items() if name.startswith(args.profile)))
        return

    def measure(name: str) -> None:
        _last_server_seconds.clear()
        response = pages[name]()
        assert response.status_code == 200, f"{name}: HTTP {response.status_code}"
        # One request, or a POST and the page it redirected to: their server time added.
        timings[name].append(sum(_last_server_seconds))

    for name in pages:  # warm up: templates compiled, connections open, caches filled
        for _ in range(5):
            measure(name)
        timings[name].clear()
    for round_number in range(args.rounds):
        for name in pages:
            if name in found and round_number % args.search_every:
                continue
            measure(name)

    base = statistics.median(timings["bare view"])
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Nearer benchmark, {time.strftime('%Y-%m-%d')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {database_version()}")
    print(
        f"- Demo: {demo.entries} entries, {demo.people} people, {demo.moments} moments, "
        f"{demo.checkins} check-ins, {demo.scale_results} scale results and "
        f"{demo.shares} shares over {args.years} years, built in {demo.seconds:.1f} s"
    )
    print(
        f"- Login through the login page: {login_seconds * 1000:.0f} ms, of which checking the "
        f"password hash {hash_seconds * 1000:.0f} ms ({settings.PASSWORD_HASHERS[0]}) and "
        f"unwrapping the data key {kdf_seconds * 1000:.0f} ms (Argon2id "
        f"{settings.VAULT_KDF['memory_kib'] // 1024} MiB, t={settings.VAULT_KDF['time_cost']}, "
        f"p={settings.VAULT_KDF['parallelism']})"
    )
    print(f"- Entries searched: {Entry.objects.filter(owner__username='bench').count()}")
    for name, heading in found.items():
        print(f"- {name}: {heading}")
    print()
    print("| request | n | median ms | p95 ms | median ÷ bare |")
    print("|---|---:|---:|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {name} | {len(values)} | {median * 1000:.2f} | "
            f"{percentile(values, 0.95) * 1000:.2f} | {median / base:.2f}× |"
        )
    pair = "bare POST → redirect → bare view"
    for name in timings:
        if name.startswith("draw a card"):
            ratio = statistics.median(timings[name]) / statistics.median(timings[pair])
            print(f"\n{name} ÷ {pair}: {ratio:.2f}×")
    if not args.keep:
        import shutil

        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now (for a throwaway server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, seconds: float = 60) -> None:
    """Wait until a server listens on ``port``; stop the benchmark if none does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not start on port {port}")


def throwaway_nearer(prefix: str = "nearer-bench-") -> str:
    """Set up Django on a throwaway data directory (SQLite, or NEARER_DATABASE_URL):
    production settings, throwaway secrets, the bare view at /bench/bare/ beside
    Nearer's URLs, the server timer outermost, migrated, static files collected.
    Return the data directory. The per-page benchmarks start here."""
    data_dir = tempfile.mkdtemp(prefix=prefix)
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
    from django.urls import include, path

    urlpatterns.extend([path("bench/bare/", bare), path("", include("nearer.urls"))])
    settings.ROOT_URLCONF = MODULE
    settings.MIDDLEWARE = [f"{MODULE}.ServerTimer", *settings.MIDDLEWARE]
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return data_dir


def demo_logged_in(args: Any) -> tuple[Any, Any, Any, Any]:
    """Build the demo ``args`` asks for (years, entries, people, moments) and log it in
    through the login page; return ``(demo, client, user, vault)``."""
    from django.test import Client
    from django.urls import reverse

    from nearer.accounts.models import User
    from nearer.demo import build_demo

    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    demo = build_demo(
        username="bench",
        password=password,
        years=args.years,
        entries=args.entries,
        people=args.people,
        moments=args.moments,
        out=sys.stderr,
    )
    client = Client()
    login_url = reverse("accounts:login")
    client.get(login_url)
    response = client.post(login_url, {"username": "bench", "password": password})
    assert response.status_code == 302, f"login failed: {response.status_code}"
    user = User.objects.get(username="bench")
    return demo, client, user, response.wsgi_request.vault  # type: ignore[attr-defined]
