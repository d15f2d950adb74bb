"""Start-up and the files in the data directory.

The directory is private to the server's user (0700, even if it existed with 0755) and
so are the database and its WAL and SHM files (0600). Importing the settings writes
nothing; the `nearer` command creates the secrets, and never a new pepper for a
database that already has accounts (every password would then fail, silently).
Each test runs `nearer` in a fresh process with production settings.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from nearer.accounts.services import user_sign_up
from nearer.lib.env import MissingSecret
from nearer.tests.security.production import production_env
from nearer.vault.services import keyring_unlock

# A person made through the sign-up service, so their hash uses the pepper.
_SIGN_UP = (
    "from nearer.accounts.services import user_sign_up; "
    "user_sign_up(username='startupwalrus', password='a long enough password 42')"
)
_OPEN_AND_STAT = (
    "import os, stat; from django.conf import settings; from django.db import connection; "
    "connection.ensure_connection(); "
    "name = settings.DATABASES['default']['NAME']; "
    "print(*(oct(stat.S_IMODE(os.stat(name + end).st_mode)) for end in ('', '-wal', '-shm')))"
)


def _nearer(
    *args: str, data_dir: Path | None, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    # A port no one else uses, in case `serve` wrongly starts (it must stop before).
    environ = production_env(str(data_dir), NEARER_PORT="18752", **env)
    if data_dir is None:
        del environ["NEARER_DATA_DIR"]
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "nearer", *args],
        env=environ,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _with_an_account(data_dir: Path) -> None:
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    made = _nearer("shell", "-c", _SIGN_UP, data_dir=data_dir)
    assert made.returncode == 0, made.stderr


# --- Modes (defect 8) ----------------------------------------------------------------


def test_a_data_directory_made_0755_becomes_0700(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)  # noqa: S103 (the lax mode under test), whatever the umask
    result = _nearer("check", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert _mode(data_dir) == 0o700


def test_the_database_and_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)  # noqa: S103 (the lax mode under test)
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    assert _mode(data_dir / "nearer.sqlite3") == 0o600
    opened = _nearer("shell", "-c", _OPEN_AND_STAT, data_dir=data_dir)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.splitlines()[-1].split() == ["0o600", "0o600", "0o600"]


def test_a_database_left_0644_is_made_0600_at_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    for name in ("nearer.sqlite3", "pepper", "secret_key"):
        os.chmod(data_dir / name, 0o644)
    os.chmod(data_dir, 0o755)  # noqa: S103 (the lax mode under test)
    assert _nearer("check", data_dir=data_dir).returncode == 0
    assert _mode(data_dir) == 0o700
    for name in ("nearer.sqlite3", "pepper", "secret_key"):
        assert _mode(data_dir / name) == 0o600, name


# --- Secrets (defect 10) -------------------------------------------------------------


def test_importing_the_settings_writes_nothing(tmp_path: Path) -> None:
    environ = production_env(str(tmp_path / "unused"))
    del environ["NEARER_DATA_DIR"]
    environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
    probe = "from django.conf import settings; print(settings.DATA_DIR)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_it_refuses_to_make_a_new_pepper_for_a_database_with_accounts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _with_an_account(data_dir)
    (data_dir / "pepper").unlink()
    for command in ("check", "migrate", "serve"):
        result = _nearer(command, data_dir=data_dir)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "NEARER_DATA_DIR" in result.stderr and "NEARER_PEPPER" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (data_dir / "pepper").exists()


def test_started_from_another_directory_it_stops_instead_of_failing_every_login(
    tmp_path: Path,
) -> None:
    # The reported case: the database is elsewhere (PostgreSQL there; here the first
    # directory's SQLite file), NEARER_DATA_DIR is unset and the working directory new.
    first = tmp_path / "first"
    _with_an_account(first)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    url = f"sqlite:///{first / 'nearer.sqlite3'}"
    result = _nearer("serve", data_dir=None, cwd=elsewhere, NEARER_DATABASE_URL=url)
    assert result.returncode == 2, result.stderr
    assert "NEARER_DATA_DIR" in result.stderr and "NEARER_PEPPER" in result.stderr
    assert list(elsewhere.iterdir()) == []  # not even an empty data directory


def test_the_pepper_from_the_environment_is_enough(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    pepper = "a-pepper-given-by-the-operator-long-enough-0123456789"
    assert _nearer("migrate", data_dir=data_dir, NEARER_PEPPER=pepper).returncode == 0
    made = _nearer("shell", "-c", _SIGN_UP, data_dir=data_dir, NEARER_PEPPER=pepper)
    assert made.returncode == 0, made.stderr
    assert not (data_dir / "pepper").exists()
    result = _nearer("check", data_dir=data_dir, NEARER_PEPPER=pepper)
    assert result.returncode == 0, result.stderr
    assert not (data_dir / "pepper").exists()


def test_a_new_data_directory_gets_its_secrets_at_first_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = _nearer("migrate", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    for name in ("pepper", "secret_key"):
        assert _mode(data_dir / name) == 0o600
        assert len((data_dir / name).read_text().strip()) >= 32


def test_a_missing_pepper_stops_a_login_loudly_instead_of_failing_it(db: None) -> None:
    # The password key is made with the pepper (tests hash logins without it).
    new = user_sign_up(username="pepperlesswombat", password="a long enough password 42")
    missing = MissingSecret("no pepper: see NEARER_DATA_DIR and NEARER_PEPPER")
    with override_settings(VAULT_PEPPER=missing), pytest.raises(ImproperlyConfigured) as raised:
        keyring_unlock(user_id=new.user.pk, password="a long enough password 42")
    assert "NEARER_PEPPER" in str(raised.value)


# --- The pepper's fingerprint: a wrong pepper stops start-up ---------------------------

_FINGERPRINTS = (
    "from nearer.accounts.models import PepperFingerprint; print(PepperFingerprint.objects.count())"
)
_OTHER_PEPPER = "another-pepper-that-is-not-this-databases-one-0123456789"


def _fingerprints(data_dir: Path) -> str:
    result = _nearer("shell", "-c", _FINGERPRINTS, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    # The last line: Django's shell may first say what it imported.
    return result.stdout.strip().splitlines()[-1]


def test_a_first_start_stores_the_peppers_fingerprint(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    assert _fingerprints(data_dir) == "1"


def test_the_right_pepper_starts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _with_an_account(data_dir)
    for command in ("check", "migrate"):
        result = _nearer(command, data_dir=data_dir)
        assert result.returncode == 0, (command, result.stderr)
    assert _fingerprints(data_dir) == "1"


def test_a_wrong_pepper_in_the_environment_stops_every_command(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _with_an_account(data_dir)
    database = data_dir / "nearer.sqlite3"
    before = database.read_bytes()
    for command in ("check", "migrate", "shell", "changepassword", "demo", "serve"):
        result = _nearer(command, data_dir=data_dir, NEARER_PEPPER=_OTHER_PEPPER)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "another pepper" in result.stderr
        assert "NEARER_DATA_DIR" in result.stderr and "NEARER_PEPPER" in result.stderr
        assert "Traceback" not in result.stderr
        # Neither the pepper nor its fingerprint is ever printed.
        stored = (data_dir / "pepper").read_text().strip()
        for secret in (_OTHER_PEPPER, stored):
            assert secret not in result.stderr + result.stdout
        assert _fingerprint_hex(_OTHER_PEPPER) not in result.stderr + result.stdout
    assert database.read_bytes() == before  # nothing changed, not even a migration


def test_another_data_directorys_pepper_file_stops_start_up(tmp_path: Path) -> None:
    first = tmp_path / "first"
    _with_an_account(first)
    second = tmp_path / "second"
    assert _nearer("check", data_dir=second).returncode == 0  # a pepper of its own
    url = f"sqlite:///{first / 'nearer.sqlite3'}"
    result = _nearer("serve", data_dir=second, NEARER_DATABASE_URL=url)
    assert result.returncode == 2, result.stderr
    assert "another pepper" in result.stderr
    assert "NEARER_DATA_DIR" in result.stderr and "NEARER_PEPPER" in result.stderr


def test_a_database_with_accounts_from_before_the_check_gets_the_fingerprint(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    _with_an_account(data_dir)
    # Back to the schema before the check: no fingerprint table, an account.
    back = _nearer("migrate", "accounts", "0003", data_dir=data_dir)
    assert back.returncode == 0, back.stderr
    assert _nearer("check", data_dir=data_dir).returncode == 0
    # Migrate's end trusts the pepper in use and stores its fingerprint.
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    assert _fingerprints(data_dir) == "1"
    result = _nearer("check", data_dir=data_dir, NEARER_PEPPER=_OTHER_PEPPER)
    assert result.returncode == 2, result.stderr
    assert "another pepper" in result.stderr


def test_a_lost_pepper_file_is_not_replaced_once_the_fingerprint_is_stored(
    tmp_path: Path,
) -> None:
    # No accounts yet, but the database was set up with a pepper: a new one would not match.
    data_dir = tmp_path / "data"
    assert _nearer("migrate", data_dir=data_dir).returncode == 0
    (data_dir / "pepper").unlink()
    result = _nearer("check", data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert "NEARER_DATA_DIR" in result.stderr and "NEARER_PEPPER" in result.stderr
    assert not (data_dir / "pepper").exists()


def _fingerprint_hex(pepper: str) -> str:
    import hashlib
    import hmac

    return hmac.new(pepper.encode(), b"nearer pepper fingerprint v1", hashlib.sha256).hexdigest()
