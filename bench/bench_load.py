#!/usr/bin/env python3
"""Load benchmark: logged-in people against the public-page ceiling, and slow clients.

    python bench/bench_load.py [--users 10 50] [--seconds 30] [--threads 1 4] [--accounts 10]

What it does, in one run:
1. A throwaway data directory (SQLite, or the empty database NEARER_DATABASE_URL
   names) with ``--accounts`` small demo accounts (``nearer demo``: 2 years, 800
   entries, 60 people, 1,500 moments each) and production settings. The simulated
   people share them out (at 50 users, five devices an account): on one account,
   every write of the run would land in one person's day and month.
2. For each ``--threads`` value, ``nearer serve`` (2 workers; 1 thread is gunicorn's
   sync worker, more is its gthread worker) pinned to core 0 where ``taskset``
   exists, the load generator (locust, headless, bench/locustfile.py) to core 1.
3. Logs in one session per simulated person first (not timed: a login is one
   Argon2id run, bench_login.py), then runs, at each ``--users`` count with no
   think time: the **public ceiling** (the login page, anonymous) and the
   **authenticated mix** (Today, journal month, an entry, People, a person,
   check-in and journal writes). Reports req/s, p50/p95/p99 and errors.
4. **Slow clients**: two uploads that send their body a byte a second, then the
   login page fetched every 0.2 s for 8 s: how long it waits while they trickle.

Prints the machine and Markdown tables. Not a test: nothing fails on a miss.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
USERNAME = "loadtest"  # the accounts are loadtest-1, loadtest-2, …
PASSWORD = "a load test password 2026"  # noqa: S105 (a throwaway account)


def _pinned(core: int, argv: list[str]) -> list[str]:
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        return ["taskset", "-c", str(core), *argv]
    return argv


def _log_in_sessions(base: str, count: int, accounts: int) -> list[dict[str, str]]:
    """Log in ``count`` times, the accounts in turn; return each session's cookies."""
    import requests

    jars = []
    for number in range(count):
        session = requests.Session()
        page = session.get(base + "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token on the login page ({page.status_code}): {page.text[:300]}"
        answer = session.post(
            base + "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "username": f"{USERNAME}-{number % accounts + 1}",
                "password": PASSWORD,
            },
            headers={"Referer": base + "/accounts/login/"},
        )
        assert answer.url.rstrip("/") == base, f"login failed: {answer.status_code}"
        jars.append(session.cookies.get_dict())
    return jars


def _server_cpu(server: subprocess.Popen[bytes]) -> float:
    """Return the CPU seconds the server and its workers have used so far (on
    PostgreSQL, the database server's own processes are not among them)."""
    import psutil

    parent = psutil.Process(server.pid)
    total = 0.0
    for process in [parent, *parent.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _locust(
    base: str,
    user_class: str,
    users: int,
    seconds: int,
    workdir: Path,
    server: subprocess.Popen[bytes],
) -> dict[str, Any]:
    cpu_before, began = _server_cpu(server), time.monotonic()
    prefix = workdir / f"{user_class}-{users}"
    argv = [
        str(VENV_BIN / "locust"),
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(users),
        "-t",
        f"{seconds}s",
        "--host",
        base,
        "--csv",
        str(prefix),
        "--only-summary",
        user_class,
    ]
    subprocess.run(_pinned(1, argv), check=False, capture_output=True, cwd=workdir)  # noqa: S603
    # The server's CPU over the run (locust's start and stop included, so a little
    # low): near one core means the server is the limit; well under, it waits.
    cpu, wall = _server_cpu(server) - cpu_before, time.monotonic() - began
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return {
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "server_busy": cpu / wall,
        "cpu_ms": cpu * 1000 / max(1, int(total["Request Count"])),
    }


def _slow_upload(port: int, csrf_cookie: str, stop: threading.Event) -> None:
    """A POST whose body arrives a byte a second (until ``stop``).

    It carries a CSRF cookie, as a real form does, so the server reads its body
    (without one it is refused before the body is read, and would block nothing).
    """
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Cookie: nearer_csrf={csrf_cookie}\r\n".encode("ascii")
            + b"Content-Length: 100000\r\n\r\n"
        )
        while not stop.wait(1.0):
            try:
                sock.sendall(b"a")
            except OSError:
                return


def _slow_clients(base: str, port: int) -> dict[str, float]:
    import requests

    cookie = requests.get(base + "/accounts/login/", timeout=10).cookies["nearer_csrf"]
    stop = threading.Event()
    uploads = [threading.Thread(target=_slow_upload, args=(port, cookie, stop)) for _ in range(2)]
    for upload in uploads:
        upload.start()
    time.sleep(1.0)
    waits: list[float] = []
    failed = 0
    finish = time.monotonic() + 8
    while time.monotonic() < finish:
        began = time.perf_counter()
        try:
            requests.get(base + "/accounts/login/", timeout=10)
        except requests.RequestException:
            failed += 1
        waits.append(time.perf_counter() - began)
        time.sleep(0.2)
    stop.set()
    for upload in uploads:
        upload.join()
    return {
        "median_ms": statistics.median(waits) * 1000,
        "max_ms": max(waits) * 1000,
        "failed": failed,
        "tries": len(waits),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--accounts", type=int, default=10, help="demo accounts to share out")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="nearer-bench-load-"))
    env = dict(os.environ)
    env.update(
        NEARER_DATA_DIR=str(workdir / "data"),
        NEARER_SECRET_KEY=secrets.token_urlsafe(48),
        NEARER_PEPPER=secrets.token_urlsafe(48),
        NEARER_ALLOWED_HOSTS="127.0.0.1",
    )
    env.pop("NEARER_TESTING", None)
    nearer = str(VENV_BIN / "nearer")
    for number in range(1, args.accounts + 1):
        demo = [nearer, "demo", "--username", f"{USERNAME}-{number}", "--password", PASSWORD]
        demo += ["--years", "2", "--entries", "800", "--people", "60", "--moments", "1500"]
        subprocess.run(demo, check=True, env=env, capture_output=True)  # noqa: S603
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
    import django

    django.setup()
    info = bench_pages.machine()
    database = bench_pages.database_version()

    results: dict[int, dict[str, Any]] = {}
    for threads in args.threads:
        port = bench_pages.free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [nearer, "serve", "--port", str(port), "--workers", "2"]
        serve += ["--threads", str(threads)]
        with open(workdir / f"serve-{threads}.log", "w") as log:
            server = subprocess.Popen(_pinned(0, serve), env=env, stdout=log, stderr=log)  # noqa: S603
        try:
            bench_pages.wait_for_port(port)
            jars = _log_in_sessions(base, max(args.users), args.accounts)
            (workdir / "cookies.json").write_text(json.dumps(jars))
            os.environ["NEARER_LOAD_COOKIES"] = str(workdir / "cookies.json")
            runs: dict[str, Any] = {}
            for users in args.users:
                runs[f"public {users}"] = _locust(
                    base, "Visitor", users, args.seconds, workdir, server
                )
                runs[f"mix {users}"] = _locust(base, "Person", users, args.seconds, workdir, server)
            runs["slow"] = _slow_clients(base, port)
            results[threads] = runs
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"- Machine: {info['CPU']}, {info['cores']} cores, {info['OS']}")
    print(f"- Database: {database}; Python {info['Python']}; 2 gunicorn workers")
    print(
        f"- {args.seconds} s a run, no think time; server on core 0, locust on core 1; "
        f"{args.accounts} demo accounts shared out"
    )
    print()
    print(
        "| worker | users | public req/s | mix req/s | mix / public | p50 | p95 | p99 ms | errors "
        "| server CPU ms a request: public, mix | server cores busy: public, mix |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for threads, runs in results.items():
        worker = "sync" if threads == 1 else f"gthread ×{threads}"
        for users in args.users:
            public, mix = runs[f"public {users}"], runs[f"mix {users}"]
            print(
                f"| {worker} | {users} | {public['rps']:.0f} | {mix['rps']:.0f} | "
                f"{mix['rps'] / public['rps']:.2f} | {mix['p50']:.0f} | {mix['p95']:.0f} | "
                f"{mix['p99']:.0f} | {mix['errors'] + public['errors']} | "
                f"{public['cpu_ms']:.2f}, {mix['cpu_ms']:.2f} | "
                f"{public['server_busy']:.2f}, {mix['server_busy']:.2f} |"
            )
    print()
    print("| worker | login page while two uploads trickle: median ms | max ms | failed |")
    print("|---|---|---|---|")
    for threads, runs in results.items():
        worker = "sync" if threads == 1 else f"gthread ×{threads}"
        slow = runs["slow"]
        print(
            f"| {worker} | {slow['median_ms']:.0f} | {slow['max_ms']:.0f} | "
            f"{slow['failed']} of {slow['tries']} |"
        )
    print(f"\n(work directory: {workdir})", file=sys.stderr)


if __name__ == "__main__":
    main()
