"""Start-up configuration: a malformed NEARER_* variable stops start-up naming it;
generated secrets are private to the server's user."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from nearer.tests.security.production import run_nearer

BAD_VALUES = {
    "NEARER_DEBUG": "maybe",
    "NEARER_HTTPS": "si",
    "NEARER_SESSION_IDLE_MINUTES": "ten",
    "NEARER_SESSION_MAX_HOURS": "0",
    "NEARER_LOGIN_FAILURE_LIMIT": "-3",
    "NEARER_EMAIL_PORT": "smtp",
    "NEARER_TIME_ZONE": "Middle/Earth",
    "NEARER_DATABASE_URL": "notadb://what",
    "NEARER_SECRET_KEY": "too-short",
    "NEARER_PEPPER": "too-short",
}


@pytest.mark.parametrize("name", BAD_VALUES)
def test_a_malformed_variable_stops_start_up_naming_it(name: str) -> None:
    result = run_nearer(["check"], **{name: BAD_VALUES[name]})
    assert result.returncode != 0
    assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_good_values_start(tmp_path: Path) -> None:
    result = run_nearer(
        ["check"],
        data_dir=str(tmp_path / "data"),
        NEARER_DEBUG="false",
        NEARER_SESSION_IDLE_MINUTES="30",
        NEARER_TIME_ZONE="Europe/Paris",
    )
    assert result.returncode == 0, result.stderr


def test_it_creates_the_secret_key_and_pepper_with_mode_0600(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_nearer(["check"], data_dir=str(data_dir))
    assert result.returncode == 0, result.stderr
    for name in ("secret_key", "pepper"):
        path = data_dir / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
        assert len(path.read_text().strip()) >= 32
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_it_keeps_the_same_secrets_across_starts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    run_nearer(["check"], data_dir=str(data_dir))
    first = (data_dir / "pepper").read_text()
    run_nearer(["check"], data_dir=str(data_dir))
    assert (data_dir / "pepper").read_text() == first
    assert (data_dir / "secret_key").read_text() != first


def test_it_creates_secrets_0600_even_with_a_lax_umask(tmp_path: Path) -> None:
    from nearer.lib.env import secret_from_env_or_file

    old = os.umask(0)
    try:
        secret_from_env_or_file("NEARER_UNUSED_SECRET", tmp_path / "s", environ={})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s").stat().st_mode) == 0o600


def test_it_refuses_a_secret_file_that_is_too_short() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "pepper").write_text("short\n")
        result = run_nearer(["check"], data_dir=tmp)
    assert result.returncode != 0
    assert "pepper" in result.stderr
