"""The `nearer` command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nearer.cli import _gunicorn_argv, main


def _nearer(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEARER_")}
    environ.pop("DJANGO_SETTINGS_MODULE", None)
    environ.update(env)
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "nearer", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEARER_DEBUG", "maybe"),
        ("NEARER_SESSION_IDLE_MINUTES", "soon"),
        ("NEARER_DATABASE_URL", "nosuchdb://x"),
        ("NEARER_TIME_ZONE", "Mars/Olympus"),
        ("NEARER_SECRET_KEY", "short"),
    ],
)
def test_it_stops_with_a_message_naming_a_malformed_variable(
    tmp_path: Path, name: str, value: str
) -> None:
    result = _nearer("check", NEARER_DATA_DIR=str(tmp_path), **{name: value})
    assert result.returncode == 2
    assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_it_names_a_malformed_port(tmp_path: Path) -> None:
    result = _nearer("serve", NEARER_DATA_DIR=str(tmp_path), NEARER_PORT="eighty")
    assert result.returncode == 2
    assert "NEARER_PORT" in result.stderr


def test_it_passes_check_through_to_django(tmp_path: Path) -> None:
    result = _nearer("check", NEARER_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_writes_secrets_into_the_data_dir_readable_only_by_its_owner(tmp_path: Path) -> None:
    _nearer("check", NEARER_DATA_DIR=str(tmp_path))
    for name in ("secret_key", "pepper"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


def test_it_logs_requests_without_query_strings_or_bodies() -> None:
    argv = _gunicorn_argv("127.0.0.1", 8000, 2)
    log_format = argv[argv.index("--access-logformat") + 1]
    assert "%(U)s" in log_format
    for atom in ("%(r)s", "%(q)s", "%(f)s", "%(a)s"):
        assert atom not in log_format
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8000"


def test_it_serves_with_threads_so_slow_clients_hold_a_thread_not_a_worker() -> None:
    threaded = _gunicorn_argv("127.0.0.1", 8000, 2, 4)
    assert threaded[threaded.index("--worker-class") + 1] == "gthread"
    assert threaded[threaded.index("--threads") + 1] == "4"
    assert "--worker-class" not in _gunicorn_argv("127.0.0.1", 8000, 2, 1)


def test_it_refuses_a_thread_count_below_one(tmp_path: Path) -> None:
    result = _nearer("serve", NEARER_DATA_DIR=str(tmp_path), NEARER_THREADS="0")
    assert result.returncode == 2
    assert "NEARER_THREADS must be at least 1" in result.stderr


def test_it_refuses_unknown_serve_options() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--colour", "blue"])
    assert exited.value.code == 2


def test_it_builds_a_small_demo_and_refuses_a_second_one(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    args = (
        "demo",
        "--password",
        "a demo password 123",
        "--years",
        "1",
        "--entries",
        "5",
        "--people",
        "4",
        "--moments",
        "9",
    )
    # Test mode keeps a missing pepper in memory (a new one per process), and a second
    # start with another pepper is stopped: both runs are given the same one.
    pepper = "a-demo-test-pepper-long-enough-0123456789"
    made = _nearer(*args, NEARER_DATA_DIR=data, NEARER_TESTING="1", NEARER_PEPPER=pepper)
    assert made.returncode == 0, made.stderr
    assert "5 journal entries, 4 people, 9 moments" in made.stdout
    again = _nearer(*args, NEARER_DATA_DIR=data, NEARER_TESTING="1", NEARER_PEPPER=pepper)
    assert again.returncode == 1
    assert "already exists" in again.stderr
