#!/usr/bin/env python3
"""Benchmark backup and restore of the 10-year demo, and moving it to PostgreSQL.

    python bench/bench_backup.py [--postgres postgres://user@host:port/postgres] [--years 10]

Runs the `nearer` commands as an operator would, each in its own process, timing
the whole command (start-up included):
1. ``nearer demo`` (the 10-year demo and its partner) in a throwaway data directory;
2. ``nearer backup`` of it (SQLite), and ``nearer restore`` into an empty one;
3. with ``--postgres`` (a server where databases may be made): ``nearer move`` into
   a new database, ``nearer backup`` from PostgreSQL, ``nearer restore`` into
   another new database (all dropped afterwards).
Prints the machine, the backup's size, and a Markdown table. Not a test.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages

NEARER = str(Path(sys.executable).parent / "nearer")


def run(data: Path, *args: str, **extra: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEARER_")}
    env.update(
        NEARER_DATA_DIR=str(data),
        NEARER_BACKUP_PASSPHRASE="a passphrase for the benchmark",  # noqa: S106 (throwaway)
        **extra,
    )
    began = time.perf_counter()
    done = subprocess.run([NEARER, *args], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"nearer {' '.join(args)} failed:\n{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nearer-bench-backup-"))
    source = work / "source"
    rows: list[tuple[str, float]] = []
    rows.append(("build the demo (nearer demo)", run(source, "demo", "--years", str(args.years))))
    backup = work / "demo.backup"
    rows.append(("backup, SQLite", run(source, "backup", str(backup))))
    size = backup.stat().st_size
    rows.append(
        (
            "restore into an empty data directory, SQLite",
            run(work / "restored", "restore", str(backup)),
        )
    )
    made: list[str] = []
    if args.postgres:
        import psycopg

        base = args.postgres.rsplit("/", 1)[0]

        def fresh() -> str:
            name = f"nearer_bench_{secrets.token_hex(4)}"
            with psycopg.connect(base + "/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            made.append(name)
            return f"{base}/{name}"

        try:
            moved = fresh()
            rows.append(("move SQLite → PostgreSQL (verified)", run(source, "move", "--to", moved)))
            pg_backup = work / "pg.backup"
            rows.append(
                (
                    "backup, PostgreSQL",
                    run(source, "backup", str(pg_backup), NEARER_DATABASE_URL=moved),
                )
            )
            rows.append(
                (
                    "restore into an empty database, PostgreSQL",
                    run(
                        work / "restored-pg", "restore", str(pg_backup), NEARER_DATABASE_URL=fresh()
                    ),
                )
            )
        finally:
            with psycopg.connect(base + "/postgres", autocommit=True) as admin:
                for name in made:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    info = bench_pages.machine()
    print(f"- Machine: {info['CPU']}, {info['cores']} cores, {info['OS']}, Python {info['Python']}")
    print(f"- Demo: {args.years} years; backup file {size / 1e6:.1f} MB")
    print()
    print("| command | seconds |")
    print("|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
