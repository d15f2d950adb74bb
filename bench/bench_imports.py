#!/usr/bin/env python3
"""Benchmark the jrnl and Daylio imports: 10,000 jrnl entries and 3,000 Daylio rows.

    python bench/bench_imports.py [--entries 10000] [--rows 3000]

What it does:
1. Makes a throwaway data directory (SQLite unless NEARER_DATABASE_URL is set; the
   database must then be empty) with production settings (real Argon2, DEBUG off),
   migrates, signs a person up and logs in through the login page with Django's
   test Client.
2. Writes a synthetic jrnl journal of ``--entries`` entries over about ten years (as
   jrnl writes its file: "[YYYY-MM-DD HH:MM] Title", a body of a few sentences, @tags
   on one in three, a star on one in ten) and the same as jrnl's JSON export; and a
   Daylio CSV of ``--rows`` rows (the five moods and two custom ones, one to four
   activities, a note on one in two).
3. Times, through the real pages: reading the file alone, the upload (read, sort,
   look for duplicates, seal), the preview page, and the confirmation (saving every
   entry or check-in in one transaction); then the same file again, when every entry
   or row is already there (so the upload opens everything the first import saved).
4. Prints the machine and the times as a Markdown table.

It is not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import secrets
import sys
import tempfile
import time
from datetime import date, timedelta

WORDS = (
    "morning",
    "walk",
    "rain",
    "tea",
    "letter",
    "river",
    "garden",
    "friend",
    "quiet",
    "long",
    "talk",
    "kitchen",
    "light",
    "train",
    "window",
    "bread",
    "music",
    "sister",
    "work",
    "tired",
    "glad",
    "slow",
    "evening",
    "city",
    "market",
)
TAGS = ("family", "work", "walk", "sleep", "friends", "reading")
MOODS = ("rad", "good", "meh", "bad", "awful", "sleepy", "wired")
ACTIVITIES = ("work", "friends", "family", "walk", "reading", "coffee", "sport", "music")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def jrnl_entries(count: int, seed: int = 11) -> list[dict[str, object]]:
    """``count`` entries as jrnl's JSON export holds them, oldest first."""
    rng = random.Random(seed)
    start = date.today() - timedelta(days=3650)
    entries: list[dict[str, object]] = []
    for n in range(count):
        day = start + timedelta(days=n * 3650 // max(count, 1))
        tags = [f"@{rng.choice(TAGS)}"] if n % 3 == 0 else []
        body = " ".join(_sentence(rng, rng.randint(6, 18)) for _ in range(rng.randint(2, 6)))
        entries.append(
            {
                "title": _sentence(rng, rng.randint(3, 8)),
                "body": body + (" " + " ".join(tags) if tags else ""),
                "date": day.isoformat(),
                "time": f"{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}",
                "tags": tags,
                "starred": n % 10 == 0,
            }
        )
    return entries


def jrnl_text(entries: list[dict[str, object]]) -> bytes:
    out = []
    for e in entries:
        star = " *" if e["starred"] else ""
        out.append(f"[{e['date']} {e['time']}] {e['title']}{star}\n{e['body']}\n\n")
    return "".join(out).encode()


def jrnl_json(entries: list[dict[str, object]]) -> bytes:
    return json.dumps({"tags": {}, "entries": entries}, indent=4).encode()


def daylio_csv(count: int, seed: int = 13) -> bytes:
    import csv
    import io

    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    first = date.today() - timedelta(days=count // 2)
    for n in range(count):
        day = first + timedelta(days=n // 2)
        note = " ".join(_sentence(rng, rng.randint(5, 15)) for _ in range(2)) if n % 2 else ""
        writer.writerow(
            [
                day.isoformat(),
                day.strftime("%B %d"),
                day.strftime("%A"),
                f"{8 + 10 * (n % 2) + rng.randint(0, 3):02d}:{rng.randint(0, 59):02d}",
                rng.choice(MOODS),
                " | ".join(rng.sample(ACTIVITIES, rng.randint(1, 4))),
                _sentence(rng, 3) if n % 6 == 1 else "",
                note,
            ]
        )
    return out.getvalue().encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=3_000)
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
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from nearer.accounts.services import user_sign_up
    from nearer.checkins.models import CheckIn
    from nearer.journal.models import Entry
    from nearer.portability.daylio import parse_daylio
    from nearer.portability.jrnl import parse_jrnl
    from nearer.portability.models import PendingImport

    print(f"Data directory: {data_dir}", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    user_sign_up(username="bench", password=password)
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "bench", "password": password})
    assert response.status_code == 302, "login failed"

    entries = jrnl_entries(args.entries)
    files = {
        "jrnl text": (jrnl_text(entries), "portability:jrnl", parse_jrnl, {}, Entry),
        "jrnl JSON": (jrnl_json(entries), "portability:jrnl", parse_jrnl, {}, Entry),
        "Daylio CSV": (
            daylio_csv(args.rows),
            "portability:daylio",
            parse_daylio,
            {**{f"mood_{i}": "0" for i in range(len(MOODS))}, "notes": "checkin"},
            CheckIn,
        ),
    }
    rows: list[tuple[str, float, str]] = []

    for name, (data, start, parse, answers, model) in files.items():
        began = time.perf_counter()
        parse(data)
        rows.append((f"{name}: read the file alone", time.perf_counter() - began, ""))
        for label in ("first import", "same file again"):
            began = time.perf_counter()
            response = client.post(reverse(start), {"file": SimpleUploadedFile("f", data)})
            upload = time.perf_counter() - began
            assert response.status_code == 302, response.content[:300]
            preview_url = response["Location"]
            began = time.perf_counter()
            page = client.get(preview_url)
            preview = time.perf_counter() - began
            assert page.status_code == 200
            began = time.perf_counter()
            if label == "first import":
                done = client.post(preview_url + "confirm/", answers)
            else:
                done = client.post(preview_url + "cancel/")
            confirm = time.perf_counter() - began
            assert done.status_code == 302 and not PendingImport.objects.exists(), done
            rows.append(
                (f"{name}, {label}: upload (read, sort, seal)", upload, f"{len(data) / 1e6:.1f} MB")
            )
            rows.append(
                (f"{name}, {label}: preview page", preview, f"{len(page.content) / 1e3:,.0f} kB")
            )
            what = "confirm" if label == "first import" else "cancel (nothing new)"
            rows.append(
                (f"{name}, {label}: {what}", confirm, f"{model.objects.count():,} rows after")
            )
            rows.append((f"**{name}, {label}: total**", upload + preview + confirm, ""))
        if name == "jrnl text":
            # The JSON export is timed on an empty journal too, not as duplicates of the text.
            Entry.objects.all().delete()

    print(f"\n### Imports: {args.entries:,} jrnl entries, {args.rows:,} Daylio rows\n")
    print(
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores (shared machine), Python "
        f"{platform.python_version()}, Django {django.get_version()}, {connection.vendor}"
    )
    print("\n| step | seconds | notes |\n| --- | ---: | --- |")
    for label, seconds, note in rows:
        print(f"| {label} | {seconds:.2f} | {note} |")


if __name__ == "__main__":
    main()
