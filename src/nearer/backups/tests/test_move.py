"""`nearer move --to postgres://…`: a SQLite Nearer copied into an empty PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from nearer.backups.tests.support import PASSWORD, fresh_postgres, nearer, opened


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data = tmp_path_factory.mktemp("moving")
    made = nearer(
        data,
        "demo",
        "--password",
        PASSWORD,
        "--years",
        "1",
        "--entries",
        "30",
        "--people",
        "6",
        "--moments",
        "40",
    )
    assert made.returncode == 0, made.stderr
    return data, opened(data)


def test_a_move_copies_everything_and_the_account_opens_it_there(
    source: tuple[Path, str],
) -> None:
    with fresh_postgres() as url:
        moved = nearer(source[0], "move", "--to", url)
        assert moved.returncode == 0, moved.stderr
        assert "verified" in moved.stdout
        # Then run on PostgreSQL with the same data directory (its secrets).
        assert opened(source[0], NEARER_DATABASE_URL=url) == source[1]
        # New rows there get new ids after the copied ones (sequences were reset).
        with psycopg.connect(url) as db:
            highest = db.execute("SELECT max(id) FROM accounts_user").fetchone()
            following = db.execute(
                "SELECT nextval(pg_get_serial_sequence('accounts_user', 'id'))"
            ).fetchone()
        assert highest is not None and following is not None
        assert following[0] > highest[0]


def test_a_move_refuses_a_database_that_is_not_empty(source: tuple[Path, str]) -> None:
    with fresh_postgres() as url:
        assert nearer(source[0], "move", "--to", url).returncode == 0
        with psycopg.connect(url) as db:
            before = db.execute("SELECT count(*) FROM journal_entry").fetchone()
        again = nearer(source[0], "move", "--to", url)
        assert again.returncode == 2
        assert "not empty" in again.stderr
        with psycopg.connect(url) as db:
            assert db.execute("SELECT count(*) FROM journal_entry").fetchone() == before


def test_a_move_takes_only_a_postgresql_url(source: tuple[Path, str]) -> None:
    refused = nearer(source[0], "move", "--to", "mysql://someone@somewhere/nearer")
    assert refused.returncode == 2
    assert "PostgreSQL URL" in refused.stderr
