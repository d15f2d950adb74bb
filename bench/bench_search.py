#!/usr/bin/env python3
"""Benchmark journal search at 10,000 and 50,000 entries, over HTTP, in one process.

    python bench/bench_search.py [--sizes 10000 50000] [--years 10] [--rounds 40]

What it does:
1. A throwaway data directory (SQLite, or NEARER_DATABASE_URL), production settings,
   throwaway NEARER_SECRET_KEY and NEARER_PEPPER, migrated.
2. One account per size, each a journal of the demo's generated entries over
   ``--years`` years (sealed as entry_create seals them, inserted in bulk); the
   month texts of search are then built by ``derived_refresh``, as a login does.
3. Logs each account in through the login page, then, round by round, times:
   - **search**: a POST to the search page (it keeps the words sealed and answers
     303) and the GET of the results page it names, their server times from the
     outermost middleware in added (as bench_pages.py measures), for a few kinds of
     words; and the GET alone (Back or reload);
   - **before**: ``entries_search``, the month texts all read and every hit counted
     (the search before the early stop), called directly;
   - **the floor**: the same text opened as a few bulk blobs and substring-matched
     (the month rows read with one query, each opened, each word looked for with
     ``in``), with nothing else: what no search of sealed text can beat;
   - **the old search** (``entries_search_by_rows``: every entry opened), a few
     rounds only.
4. Prints the machine, medians and ratios as Markdown.

It is not a test: nothing fails when a target is missed.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def build(username: str, password: str, entries: int, years: int) -> Any:
    """Make an account with ``entries`` journal entries; return the user."""
    from django.db import transaction
    from django.utils import timezone

    from nearer.accounts.services import user_sign_up
    from nearer.journal.content import EntryContent, content_seal
    from nearer.journal.demo import generate_entries
    from nearer.journal.models import Entry
    from nearer.journal.prompts import prompt_by_key
    from nearer.vault.box import Vault
    from nearer.vault.derived import derived_refresh

    today = timezone.localdate()
    began = time.perf_counter()
    with transaction.atomic():
        signed = user_sign_up(username=username, password=password)
        vault = Vault(user_id=signed.user.pk, dek=signed.dek)
        batch: list[Entry] = []
        for item in generate_entries(years=years, entries=entries, today=today):
            prompt = prompt_by_key(item.prompt_key)
            content = EntryContent(
                title=item.title,
                body=item.body,
                tags=tuple(item.tags),
                kind="guided" if prompt else "free",
                prompt=prompt.key if prompt else None,
            )
            entry = Entry(owner=signed.user, entry_date=item.entry_date)
            entry.content = content_seal(vault, entry.id, content)
            batch.append(entry)
            if len(batch) == 2000:
                Entry.objects.bulk_create(batch)
                batch = []
        Entry.objects.bulk_create(batch)
    inserted = time.perf_counter() - began
    began = time.perf_counter()
    rebuilt = derived_refresh(user=signed.user, vault=vault)
    print(
        f"{username}: {entries} entries inserted in {inserted:.1f} s; "
        f"{rebuilt} month texts built in {time.perf_counter() - began:.1f} s",
        file=sys.stderr,
    )
    return signed.user, vault


def floor(user: Any, vault: Any, words: str) -> int:
    """Open the month texts as bulk blobs and look for each word; return how many matched."""
    from django.db import connection

    from nearer.journal.search_index import SEARCH_TEXT
    from nearer.lib.sqlvalues import as_uuid
    from nearer.lib.text import fold
    from nearer.vault.models import DerivedValue

    terms = [fold(word).encode() for word in words.split()]
    found = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT subject, content FROM {DerivedValue._meta.db_table} "  # noqa: S608
            "WHERE owner_id = %s AND kind = %s",
            [user.pk, SEARCH_TEXT.name],
        )
        label = SEARCH_TEXT.label
        for subject, content in cursor.fetchall():
            text = vault.open_bytes(label, as_uuid(subject), bytes(content))
            found += all(term in text for term in terms)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--old-rounds", type=int, default=5)
    parser.add_argument("--search", action="append", help="words (repeatable)")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="nearer-bench-search-")
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
    from django.urls import reverse

    from nearer.journal.selectors import (
        entries_search,
        entries_search_by_rows,
        entries_search_page,
    )

    settings.MIDDLEWARE = ["bench_pages.ServerTimer", *settings.MIDDLEWARE]
    info = bench_pages.machine()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    words_list = args.search or ["heron", "sam walk", "xylophone"]
    rows: list[str] = []
    medians: dict[tuple[int, str], float] = {}
    for size in args.sizes:
        user, vault = build(f"bench{size}", password, size, args.years)
        client = Client()
        login_url = reverse("accounts:login")
        client.get(login_url)
        began = time.perf_counter()
        response = client.post(login_url, {"username": user.username, "password": password})
        login = time.perf_counter() - began
        assert response.status_code == 302, response.status_code
        url = reverse("journal:search")

        def search(words: str, client: Any = client, url: str = url) -> tuple[float, float]:
            bench_pages._last_server_seconds.clear()
            posted = client.post(url, {"q": words})
            assert posted.status_code == 303, posted.status_code
            assert client.get(posted["Location"]).status_code == 200
            post_s, get_s = bench_pages._last_server_seconds[-2:]
            return post_s + get_s, get_s

        for words in words_list:
            total = entries_search(user=user, vault=vault, query=words).total
            old_total = entries_search_by_rows(user=user, vault=vault, query=words).total
            assert total == old_total, (words, total, old_total)
            shown = len(entries_search_page(user=user, vault=vault, query=words).hits)
            assert shown == min(total, 100), (words, shown, total)
            http, reload, before, bulk, old = [], [], [], [], []
            for _ in range(3):  # warm up
                search(words)
                floor(user, vault, words)
            for round_number in range(args.rounds):
                both, alone = search(words)
                http.append(both)
                reload.append(alone)
                began = time.perf_counter()
                floor(user, vault, words)
                bulk.append(time.perf_counter() - began)
                began = time.perf_counter()
                entries_search(user=user, vault=vault, query=words)
                before.append(time.perf_counter() - began)
                if round_number < args.old_rounds:
                    began = time.perf_counter()
                    entries_search_by_rows(user=user, vault=vault, query=words)
                    old.append(time.perf_counter() - began)
            search_ms = statistics.median(http) * 1000
            floor_ms = statistics.median(bulk) * 1000
            old_ms = statistics.median(old) * 1000
            medians[(size, words)] = search_ms
            rows.append(
                f"| {size:,} | “{words}” ({total:,} found) | {search_ms:.1f} | "
                f"{bench_pages.percentile(http, 0.95) * 1000:.1f} | "
                f"{statistics.median(reload) * 1000:.1f} | "
                f"{statistics.median(before) * 1000:.1f} | {floor_ms:.1f} | "
                f"{search_ms / floor_ms:.2f}× | {old_ms:.0f} |"
            )
        print(f"{user.username}: login {login * 1000:.0f} ms", file=sys.stderr)
    info["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
    print(f"# Nearer search benchmark, {time.strftime('%Y-%m-%d %H:%M')}\n")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(f"- Database: {bench_pages.database_version()}")
    print(f"- Journal: the demo's generated entries over {args.years} years")
    print()
    print(
        "| entries | words | search (POST + GET) median ms | p95 ms | reload (GET) ms "
        "| before (all months) ms | floor ms | search ÷ floor | old search (rows) ms |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        print()
        for words in words_list:
            growth = medians[(large, words)] / medians[(small, words)]
            print(f"- growth {small:,} → {large:,}, “{words}”: {growth:.2f}×")
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
