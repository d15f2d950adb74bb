"""Running `nearer` as an operator does, for the backup, restore and move tests."""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "a demo password for the backup tests"
PASSPHRASE = "an operator's passphrase for the tests"


def _environment(data: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEARER_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(NEARER_DATA_DIR=str(data), NEARER_BACKUP_PASSPHRASE=PASSPHRASE)
    env.update(extra)
    return env


def nearer(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``nearer ARGS`` on the data directory ``data``."""
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "nearer", *args],
        capture_output=True,
        text=True,
        env=_environment(data, extra),
        timeout=600,
        check=False,
    )


def opened(data: Path, **extra: str) -> str:
    """The demo account's whole export, as it opens in ``data`` (it logs in first)."""
    result = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "nearer.backups.tests.open_everything", "demo", PASSWORD],
        capture_output=True,
        text=True,
        # The test settings (static files without a build step); the secrets are still
        # the data directory's own files, which the `nearer` commands wrote.
        env={**_environment(data, extra), "NEARER_TESTING": "1"},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"unreadable": {}' in result.stdout
    return result.stdout


def postgres_server() -> str | None:
    """The URL of a PostgreSQL server the tests may make databases on, if any.

    NEARER_TEST_POSTGRES_URL (set by .ci/run for both halves), else the database
    the test run itself uses when that is PostgreSQL.
    """
    url = os.environ.get("NEARER_TEST_POSTGRES_URL") or os.environ.get("NEARER_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def fresh_postgres() -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database, dropped afterwards."""
    server = postgres_server()
    if server is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI must give the backup tests a PostgreSQL server (NEARER_TEST_POSTGRES_URL)"
            )
        pytest.skip("no PostgreSQL server configured (NEARER_TEST_POSTGRES_URL)")
    import psycopg

    base = server.rsplit("/", 1)[0]
    name = f"nearer_backup_{secrets.token_hex(6)}"
    with psycopg.connect(base + "/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(base + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
