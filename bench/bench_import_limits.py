#!/usr/bin/env python3
"""Benchmark the contacts import at its limits: the biggest file allowed, and files refused.

    python bench/bench_import_limits.py

Each case runs in a fresh process (so the process's peak memory is that case's), with
production settings in a throwaway data directory (SQLite unless NEARER_DATABASE_URL
is set), through the real pages with Django's test client:

- "phone-like": 5,000 cards in the shapes phones export (bench_vcard_import's file),
  every card with a photo, filled to just under the 10 MB limit; uploaded, previewed,
  confirmed; then the same file again (every card a possible duplicate).
- "notes": 5,000 cards each with a note of about 2 kB, just under 10 MB: the costliest
  allowed file to keep, since notes are read and sealed (photos are skipped unread).
- "19 MB empty cards": the file of the original report, refused for its size.
- "too many tiny cards": 9.9 MB of empty cards (about 400,000), under the size
  limit, refused at card 5,001.
- The tester's files within the limits that once ran into the worker timeout or took
  1.4 GB: "one card, 300,000 dates" (7.8 MB), "5,000 cards x 60 dates" (8 MB) and
  "one 9 MB name" (one card whose FN line is 9,000,000 characters).

Time is measured once without tracemalloc (which slows Python down), then the step is
run again under tracemalloc for its peak of Python allocations; during the timed run
a thread samples how far the resident size grows. It is not a test: nothing fails.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_vcard_import import synthetic_file

LIMIT = 10 * 1024 * 1024
ATTACKS = ("one card, 300,000 dates", "5,000 cards x 60 dates", "one 9 MB name")
CASES = ("phone-like", "notes", "19 MB empty cards", "too many tiny cards", *ATTACKS)
EMPTY = b"BEGIN:VCARD\r\nEND:VCARD\r\n"


def _dates(count: int, first: int = 0) -> list[str]:
    # Every one a different day (from the year 1000 on): none folds away as a repeat.
    return [
        f"X-ANNIVERSARY:{1000 + n // 336:04d}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
        for n in range(first, first + count)
    ]


def _file(case: str) -> bytes:
    if case == "one card, 300,000 dates":
        lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Datewise Quillfeather", *_dates(300_000)]
        return ("\r\n".join([*lines, "END:VCARD", ""])).encode()
    if case == "5,000 cards x 60 dates":
        cards = [
            "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:Datewise {n:05d}", *_dates(60, n)])
            + "\r\nEND:VCARD\r\n"
            for n in range(5000)
        ]
        return "".join(cards).encode()
    if case == "one 9 MB name":
        return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + b"N" * 9_000_000 + b"\r\nEND:VCARD\r\n"
    if case == "19 MB empty cards":
        return EMPTY * (19 * 1024 * 1024 // len(EMPTY))
    if case == "too many tiny cards":
        return EMPTY * ((LIMIT - 100_000) // len(EMPTY))
    if case == "notes":
        note = "NOTE:" + "We met on the long walk by the river\\, and talked for hours. " * 31
        cards = [
            "\r\n".join(
                [
                    "BEGIN:VCARD",
                    "VERSION:3.0",
                    f"FN:Noted Person {n:04d}",
                    "\r\n ".join(note[i : i + 74] for i in range(0, len(note), 74)),
                    "END:VCARD",
                ]
            )
            for n in range(5000)
        ]
        return ("\r\n".join(cards) + "\r\n").encode()
    base = synthetic_file(5000, [])
    # A photo on every card, as large as still fits under the limit.
    room = (LIMIT - 50_000 - len(base)) // 5000
    # Folding adds three bytes ("\r\n ") to every 74.
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:/9j/" + "Q" * max(0, room * 74 // 77 - 40)
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    data = base.replace(b"END:VCARD", folded.encode() + b"\r\nEND:VCARD")
    assert len(data) <= LIMIT, len(data)
    return data


MB = 1024 * 1024


def _rss() -> int:
    """The process's resident size now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _measure(step: Callable[[], Any]) -> tuple[float, float, float, Any]:
    """Return (seconds, growth of the resident size at its highest during the timed run,
    tracemalloc peak of a second run, both in MB, and the second run's result).

    The process's own ru_maxrss is no use here: signing up (Argon2) already took more
    memory than an import needs. A thread samples the resident size every 2 ms instead.
    """
    start, highest, running = _rss(), [0], [True]

    def sample() -> None:
        while running[0]:
            highest[0] = max(highest[0], _rss())
            time.sleep(0.002)

    sampler = threading.Thread(target=sample)
    sampler.start()
    began = time.perf_counter()
    step()
    seconds = time.perf_counter() - began
    running[0] = False
    sampler.join()
    tracemalloc.start()
    result = step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, max(0, highest[0] - start) / MB, peak / MB, result


def run_case(case: str) -> dict[str, Any]:
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
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from nearer.accounts.services import user_sign_up
    from nearer.people.models import PendingImport, Person

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    user_sign_up(username="bench", password=password)
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "bench", "password": password})
    assert response.status_code == 302, "login failed"
    data = _file(case)
    size = len(data)
    steps: list[dict[str, Any]] = []

    # The request body is made once, before any timing: encoding a 19 MB upload is
    # the test client's work, not the server's.
    boundary = "BenchBoundary7f3a"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="contacts.vcf"\r\nContent-Type: text/vcard\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    del data

    def upload() -> Any:
        PendingImport.objects.all().delete()
        return client.post(
            reverse("people:import"), body, content_type=f"multipart/form-data; boundary={boundary}"
        )

    def record(label: str, step: Callable[[], Any], note: Callable[[Any], str]) -> Any:
        seconds, rss, peak, result = _measure(step)
        steps.append(
            {
                "step": label,
                "seconds": seconds,
                "rss_mb": rss,
                "peak_mb": peak,
                "note": note(result),
            }
        )
        return result

    rounds: tuple[str, ...] = ("",)
    if case in ("phone-like", "notes"):
        rounds = ("first import", "same file again")
    elif case in ATTACKS:
        rounds = ("first import",)
    for label in rounds:
        response = record(
            f"{label}: upload" if label else "upload",
            upload,
            lambda r: f"HTTP {r.status_code}, {len(r.content) / 1e3:,.0f} kB page",
        )
        if not label:
            assert response.status_code == 200 and not PendingImport.objects.exists()
            message = "larger than" if b"larger than" in response.content else "more than"
            steps[-1]["note"] += f", refused ({message} the limit)"
            break
        assert response.status_code == 302, response.content[:500]
        url = response["Location"]
        record(
            f"{label}: preview page",
            lambda u=url: client.get(u),
            lambda r: f"{len(r.content) / 1e3:,.0f} kB page",
        )
        pending_id = PendingImport.objects.get().id
        began = time.perf_counter()
        done = client.post(reverse("people:import_confirm", args=[pending_id]), {"all": "merge"})
        steps.append(
            {
                "step": f"{label}: confirm, merging all",
                "seconds": time.perf_counter() - began,
                "rss_mb": None,
                "peak_mb": None,
                "note": f"{Person.objects.count():,} people after",
            }
        )
        assert done.status_code == 302
    return {"case": case, "size_mb": size / MB, "steps": steps}


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
        return
    print(
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.2f}"
    )
    print(
        "\n| case | file | step | seconds | resident size grew by | Python peak "
        "(tracemalloc) | notes |"
    )
    print("| --- | ---: | --- | ---: | ---: | ---: | --- |")
    chosen = sys.argv[1:] or CASES
    for case in chosen:
        out = subprocess.run(  # noqa: S603 - this script, run again for one case
            [sys.executable, __file__, "--case", case],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        for step in result["steps"]:
            rss = "" if step["rss_mb"] is None else f"{step['rss_mb']:.0f} MB"
            peak = "" if step["peak_mb"] is None else f"{step['peak_mb']:.0f} MB"
            print(
                f"| {case} | {result['size_mb']:.1f} MB | {step['step']} | "
                f"{step['seconds']:.2f} | {rss} | {peak} | {step['note']} |"
            )


if __name__ == "__main__":
    main()
