#!/usr/bin/env python3
"""Benchmark "Your data": export the ten-year demo, and import that export again.

    python bench/bench_export.py [--entries 10000] [--people 300] [--moments 20000]
                                 [--years 10] [--passphrase]

What it does:
1. Makes a throwaway data directory (SQLite unless NEARER_DATABASE_URL names an empty
   PostgreSQL database), migrates, and builds the demo account (``nearer.demo``).
2. In a fresh child process (so its peak memory is the export's own): unlocks the
   demo's vault and consumes ``export_chunks`` the way the download does, counting
   bytes and writing nothing. Reports the wall time, the zip's size, the child's
   peak resident memory (``ru_maxrss``) and its resident memory just before the export
   began, so the difference is what the export itself held.
3. In another child: writes the zip once to the data directory (only the benchmark
   does; the server never stores an export), signs up a new account and times
   reading it into a preview (``import_prepare``) and confirming it (``import_apply``).
4. Prints the machine and a Markdown table.

It is not a test: nothing fails when a target is missed (the export's is < 10 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "a benchmark password 123"  # noqa: S105 (a throwaway account)
PASSPHRASE = "a benchmark passphrase"  # noqa: S105


def _setup(data_dir: str) -> None:
    os.environ["NEARER_DATA_DIR"] = data_dir
    os.environ.pop("NEARER_TESTING", None)
    os.environ.setdefault("NEARER_ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
    import django

    django.setup()


def _rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_export(data_dir: str, passphrase: bool, keep: str) -> dict[str, float]:
    _setup(data_dir)
    from datetime import UTC, datetime

    from nearer.accounts.models import User
    from nearer.portability.export_stream import ExportRequest, export_chunks
    from nearer.vault.box import Vault
    from nearer.vault.services import keyring_unlock

    user = User.objects.get(username="bench")
    dek = keyring_unlock(user_id=user.pk, password=PASSWORD)
    assert dek is not None
    vault = Vault(user_id=user.pk, dek=dek)
    request = ExportRequest(
        user=user,
        vault=vault,
        exported_at=datetime.now(tz=UTC),
        passphrase=PASSPHRASE if passphrase else "",
    )
    before = _current_rss_mib()
    began = time.perf_counter()
    cpu = time.process_time()
    size = 0
    chunks = 0
    out = open(keep, "wb") if keep else None  # noqa: SIM115 (only when asked)
    for chunk in export_chunks(request):
        size += len(chunk)
        chunks += 1
        if out is not None:
            out.write(chunk)
    seconds = time.perf_counter() - began
    cpu_seconds = time.process_time() - cpu
    if out is not None:
        out.close()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "bytes": size,
        "chunks": chunks,
        "rss_before_mib": before,
        "peak_rss_mib": _rss_mib(),
    }


def child_import(data_dir: str, zip_path: str) -> dict[str, float]:
    _setup(data_dir)
    from django.db import transaction

    from nearer.accounts.services import user_sign_up
    from nearer.portability.nearer_import import import_apply, import_prepare
    from nearer.vault.box import Vault

    signed = user_sign_up(username=f"importer-{secrets.token_hex(4)}", password=PASSWORD)
    vault = Vault(user_id=signed.user.pk, dek=signed.dek)
    raw = Path(zip_path).read_bytes()
    began = time.perf_counter()
    cpu = time.process_time()
    pending = import_prepare(user=signed.user, vault=vault, raw=raw)
    read_seconds = time.perf_counter() - began
    began = time.perf_counter()
    with transaction.atomic():
        added = import_apply(user=signed.user, vault=vault, import_id=pending.id)
    apply_seconds = time.perf_counter() - began
    return {
        "cpu_seconds": time.process_time() - cpu,
        "read_seconds": read_seconds,
        "apply_seconds": apply_seconds,
        "items": added.total,
        "peak_rss_mib": _rss_mib(),
    }


def _child(*args: str) -> dict[str, float]:
    done = subprocess.run(  # noqa: S603 (this very script)
        [sys.executable, __file__, *args], check=False, capture_output=True, text=True
    )
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise SystemExit(f"the {args[1]} step failed (its output is above)")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _keep(rows: list[tuple[str, str]], row: tuple[str, str]) -> None:
    rows.append(row)
    print(f"{row[0]}: {row[1]}", file=sys.stderr)  # seen even if a later step fails


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--passphrase", action="store_true", help="also time an encrypted export")
    parser.add_argument("--no-import", action="store_true", help="time the export only")
    parser.add_argument(
        "--child", choices=("export", "export-aes", "import"), help=argparse.SUPPRESS
    )
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    parser.add_argument("--keep", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child in ("export", "export-aes"):
        print(json.dumps(child_export(args.data_dir, args.child == "export-aes", args.keep)))
        return
    if args.child == "import":
        print(json.dumps(child_import(args.data_dir, args.keep)))
        return

    data_dir = tempfile.mkdtemp(prefix="nearer-bench-export-")
    os.environ["NEARER_SECRET_KEY"] = secrets.token_urlsafe(48)
    os.environ["NEARER_PEPPER"] = secrets.token_urlsafe(48)
    _setup(data_dir)
    from django.core.management import call_command
    from django.db import connection

    from nearer.demo import build_demo

    print(f"Data directory: {data_dir}", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    demo = build_demo(
        username="bench",
        password=PASSWORD,
        years=args.years,
        entries=args.entries,
        people=args.people,
        moments=args.moments,
        out=sys.stderr,
    )
    connection.close()
    rows: list[tuple[str, str]] = []
    print(f"Demo built in {demo.seconds:.0f} s", file=sys.stderr)
    kept = str(Path(data_dir) / "bench-export.zip")
    plain = _child("--child", "export", "--data-dir", data_dir, "--keep", kept)
    _keep(
        rows,
        (
            "export, plain zip",
            f"{plain['seconds']:.2f} s ({plain['cpu_seconds']:.2f} s of CPU),"
            f" {plain['bytes'] / 2**20:.1f} MB in {plain['chunks']:.0f}"
            f" chunks; peak RSS {plain['peak_rss_mib']:.0f} MiB"
            f" ({plain['rss_before_mib']:.0f} MiB before it began)",
        ),
    )
    if args.passphrase:
        aes = _child("--child", "export-aes", "--data-dir", data_dir)
        _keep(
            rows,
            (
                "export, AES-256 zip",
                f"{aes['seconds']:.2f} s ({aes['cpu_seconds']:.2f} s of CPU),"
                f" {aes['bytes'] / 2**20:.1f} MB;"
                f" peak RSS {aes['peak_rss_mib']:.0f} MiB ({aes['rss_before_mib']:.0f} before)",
            ),
        )
    if not args.no_import:
        imported = _child("--child", "import", "--data-dir", data_dir, "--keep", kept)
        _keep(
            rows,
            (
                "import into a new account",
                f"read + preview {imported['read_seconds']:.1f} s, confirm"
                f" {imported['apply_seconds']:.1f} s ({imported['cpu_seconds']:.1f} s of CPU in"
                f" all), {imported['items']:,.0f} items;"
                f" peak RSS {imported['peak_rss_mib']:.0f} MiB",
            ),
        )
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {connection.vendor}; shared machine"
    )
    print(
        f"Demo: {demo.entries:,} entries, {demo.people} people, {demo.moments:,} moments,"
        f" {demo.checkins:,} check-ins, {demo.scale_results:,} scale results,"
        f" {demo.shares} shares, {demo.deck_sessions} deck sessions\n"
    )
    print("| step | result |\n|---|---|")
    for step, result in rows:
        print(f"| {step} | {result} |")


if __name__ == "__main__":
    main()
