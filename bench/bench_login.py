#!/usr/bin/env python3
"""Benchmark a login: one Argon2id run (today) against the two runs it used to take.

    python bench/bench_login.py [--rounds 20]

Production settings (Argon2id at the production cost: the keyring's 64 MiB, t=3,
and Django's peppered hasher), a throwaway data directory (SQLite, or
NEARER_DATABASE_URL), two accounts with the same password:

- **one run**: an account as sign-up makes it now (no separate hash); each round is
  a fresh client POSTing the login page, server time from the outermost middleware
  in (as bench_pages.py measures).
- **two runs (before)**: an account with a password hash beside its keyring, as
  sign-up made them before; its login checks the hash, then unwraps. Each login
  moves it to one run, so before each round its hash is put back (not timed).

Rounds alternate between the two, so both see the same machine. Prints the machine,
medians and the ratio as Markdown. It is not a test: nothing fails on a miss.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    os.environ["NEARER_DATA_DIR"] = tempfile.mkdtemp(prefix="nearer-bench-login-")
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

    from nearer.accounts.models import User
    from nearer.accounts.services import user_sign_up

    settings.MIDDLEWARE = ["bench_pages.ServerTimer", *settings.MIDDLEWARE]
    # Lockout would count nothing here (every login is right), but keep it out of
    # the way of a run that is stopped half-way and started again.
    settings.AXES_ENABLED = False
    info = bench_pages.machine()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    user_sign_up(username="onerun", password=password)
    before = user_sign_up(username="tworuns", password=password).user
    login_url = reverse("accounts:login")

    def timed_login(username: str) -> float:
        client = Client()
        client.get(login_url)
        bench_pages._last_server_seconds.clear()
        response = client.post(login_url, {"username": username, "password": password})
        assert response.status_code == 302, response.status_code
        return bench_pages._last_server_seconds[-1]

    def give_back_the_hash() -> None:
        user = User.objects.get(pk=before.pk)
        user.set_password(password)
        user.save(update_fields=["password"])

    one: list[float] = []
    two: list[float] = []
    for _ in range(2):  # warm up
        give_back_the_hash()
        timed_login("tworuns")
        timed_login("onerun")
    for _ in range(args.rounds):
        give_back_the_hash()
        two.append(timed_login("tworuns"))
        one.append(timed_login("onerun"))
    one_ms = statistics.median(one) * 1000
    two_ms = statistics.median(two) * 1000
    kdf = settings.VAULT_KDF
    print(f"- Machine: {info['CPU']}, {info['cores']} cores, {info['OS']} (shared machine)")
    print(f"- Database: {bench_pages.database_version()}")
    print(
        f"- Keyring Argon2id: {kdf['memory_kib'] // 1024} MiB, t={kdf['time_cost']}, "
        f"p={kdf['parallelism']}; {args.rounds} rounds each, alternating"
    )
    print()
    print("| login | median ms | min ms | max ms |")
    print("|---|---|---|---|")
    for name, times in (("two Argon2id runs (before)", two), ("one Argon2id run (now)", one)):
        low, mid, high = min(times) * 1000, statistics.median(times) * 1000, max(times) * 1000
        print(f"| {name} | {mid:.0f} | {low:.0f} | {high:.0f} |")
    print()
    print(f"Now / before: {one_ms / two_ms:.2f} (target ≤ 0.60)")


if __name__ == "__main__":
    main()
