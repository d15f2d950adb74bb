"""`nearer backup` and `nearer restore`, run as an operator runs them.

A small demo is made in one data directory; it is backed up while the database
is in use, restored into an empty data directory (SQLite) and into an empty
PostgreSQL database, and the demo account then logs in there and every sealed
value it has opens the same (its whole export is compared). Refusals change
nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from nearer.backups.tests.support import PASSWORD, fresh_postgres, nearer, opened


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data directory with a small demo; and what its account opens."""
    data = tmp_path_factory.mktemp("source")
    made = nearer(
        data,
        "demo",
        "--password",
        PASSWORD,
        "--years",
        "1",
        "--entries",
        "40",
        "--people",
        "8",
        "--moments",
        "60",
    )
    assert made.returncode == 0, made.stderr
    return data, opened(data)


@pytest.fixture(scope="module")
def backup_file(source: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("backups") / "nearer.backup"
    made = nearer(source[0], "backup", str(file))
    assert made.returncode == 0, made.stderr
    return file


def test_a_backup_is_private_and_holds_no_secret_in_the_clear(
    source: tuple[Path, str], backup_file: Path
) -> None:
    assert backup_file.stat().st_mode & 0o777 == 0o600
    whole = b"".join(
        zipfile.ZipFile(backup_file).read(name) for name in zipfile.ZipFile(backup_file).namelist()
    )
    for name in ("pepper", "secret_key"):
        secret = (source[0] / name).read_text().strip().encode()
        assert secret not in whole


def test_restore_into_an_empty_data_directory_opens_everything(
    source: tuple[Path, str], backup_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "restored"
    restored = nearer(target, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert (target / "pepper").read_text() == (source[0] / "pepper").read_text()
    assert opened(target) == source[1]


def test_restore_into_an_empty_postgresql_database_opens_everything(
    source: tuple[Path, str], backup_file: Path, tmp_path: Path
) -> None:
    with fresh_postgres() as url:
        target = tmp_path / "restored-pg"
        restored = nearer(target, "restore", str(backup_file), NEARER_DATABASE_URL=url)
        assert restored.returncode == 0, restored.stderr
        assert opened(target, NEARER_DATABASE_URL=url) == source[1]


def test_a_backup_never_writes_over_a_file(source: tuple[Path, str], tmp_path: Path) -> None:
    there = tmp_path / "already-here"
    there.write_bytes(b"someone's file")
    refused = nearer(source[0], "backup", str(there))
    assert refused.returncode == 2
    assert "already exists" in refused.stderr
    assert there.read_bytes() == b"someone's file"


def test_a_wrong_passphrase_restores_nothing(backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "wrong"
    refused = nearer(
        target, "restore", str(backup_file), NEARER_BACKUP_PASSPHRASE="not the passphrase at all"
    )
    assert refused.returncode == 2
    assert "does not open this backup" in refused.stderr
    assert not (target / "nearer.sqlite3").exists()
    assert not (target / "pepper").exists()


def test_restore_refuses_a_database_that_has_accounts(
    source: tuple[Path, str], backup_file: Path
) -> None:
    before = (source[0] / "nearer.sqlite3").read_bytes()
    refused = nearer(source[0], "restore", str(backup_file))
    assert refused.returncode == 2
    assert "not empty" in refused.stderr
    assert (source[0] / "nearer.sqlite3").read_bytes() == before


def test_a_damaged_backup_restores_nothing(backup_file: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.backup"
    shutil.copy(backup_file, damaged)
    whole = bytearray(damaged.read_bytes())
    middle = len(whole) // 2
    whole[middle] ^= 0xFF
    damaged.write_bytes(bytes(whole))
    target = tmp_path / "from-damaged"
    refused = nearer(target, "restore", str(damaged))
    assert refused.returncode == 2
    assert "damaged" in refused.stderr or "not a Nearer backup" in refused.stderr
    assert not (target / "nearer.sqlite3").exists()


def test_a_file_that_is_no_backup_is_told_so(tmp_path: Path) -> None:
    stray = tmp_path / "holiday-photo.jpg"
    stray.write_bytes(os.urandom(3000))
    refused = nearer(tmp_path / "target", "restore", str(stray))
    assert refused.returncode == 2
    assert "is not a Nearer backup" in refused.stderr


def test_without_a_passphrase_or_a_terminal_it_says_what_to_set(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEARER_")}
    env["NEARER_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "nearer", "backup", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "NEARER_BACKUP_PASSPHRASE" in result.stderr
