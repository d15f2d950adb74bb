#!/usr/bin/env python3
"""The two commands of the README, in plain Python so they need nothing but Python 3.11+.

    python3 tasks.py run    set up a virtual environment, then run Nearer at http://127.0.0.1:8000
    python3 tasks.py test   set up the test environment, then run ruff, mypy and every test
    python3 tasks.py lock   write requirements.lock after a dependency changed

`run` keeps its data (SQLite database, secret key, pepper) in ./data unless
NEARER_DATA_DIR says otherwise; extra arguments go to `nearer serve` (e.g. --port 8001).
`test` uses SQLite in a throwaway directory unless NEARER_DATABASE_URL points at
PostgreSQL; extra arguments go to pytest (e.g. -k journal). Browser tests need
Chromium at /usr/bin/chromium (or NEARER_CHROMIUM); on Debian as root it is
installed with apt when missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCK = "requirements.lock"
# Repeated code the test command refuses: identical runs of this many lines (see
# check_duplicates). A create/update pair of keyword-only services shares its dozen
# lines of signature by design; a longer identical run is code that wants one home.
DUPLICATE_LINES = 13
# A longer run of the same shape (a test or function copied with other names) is refused too.
SHAPE_LINES = 25


def sh(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command; stop with its exit status if it fails."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(result.returncode)


def venv(extra: str = "") -> None:
    """Create .venv if needed and install Nearer (with ``extra``) into it.

    Every package is installed at the exact version in requirements.lock (a pip
    constraints file), so CI and every install run what the tests ran. The install is
    skipped when neither pyproject.toml nor the lock has changed since the last one (the
    package is installed in editable mode, so code changes need no reinstall).
    """
    if not PYTHON.exists():
        ensure_venv_module()
        sh(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + (ROOT / LOCK).read_bytes()
    ).hexdigest()
    stamp = VENV / f".nearer-installed-{extra or 'base'}"
    if stamp.exists() and stamp.read_text(encoding="ascii") == digest:
        return
    target = f".[{extra}]" if extra else "."
    sh(PYTHON, "-m", "pip", "install", "--quiet", "-c", LOCK, "--upgrade", "pip")
    sh(PYTHON, "-m", "pip", "install", "--quiet", "-c", LOCK, "-e", target)
    stamp.write_text(digest, encoding="ascii")


def lock() -> None:
    """Write requirements.lock from the test environment (after changing a dependency).

    Install the new dependency into .venv first (`.venv/bin/pip install -e '.[test]'`).
    """
    frozen = subprocess.run(  # noqa: S603
        [str(PYTHON), "-m", "pip", "freeze", "--all", "--exclude-editable"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pins = sorted(
        (
            line
            for line in frozen.splitlines()
            if "==" in line and not line.startswith(("setuptools==", "wheel=="))
        ),
        key=str.lower,
    )
    header = "# Exact versions for every install and CI run; made by `python3 tasks.py lock`.\n"
    (ROOT / LOCK).write_text(header + "\n".join(pins) + "\n", encoding="utf-8")
    print(f"wrote {LOCK} ({len(pins)} packages)")


def _can_apt() -> bool:
    return bool(shutil.which("apt-get")) and hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_venv_module() -> None:
    """Debian and Ubuntu ship Python's venv support separately; install it if we can."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        package = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
        if not _can_apt():
            sys.exit(
                f"Python's venv module is missing; install it (Debian/Ubuntu: "
                f"apt-get install {package}) and run this again."
            )
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", package)


def ensure_chromium() -> None:
    """Make sure a Chromium for the browser tests exists, installing Debian's if we can."""
    path = os.environ.get("NEARER_CHROMIUM", "/usr/bin/chromium")
    if Path(path).exists():
        return
    if _can_apt():
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", "chromium")
    if not Path(path).exists():
        sys.exit(
            f"Chromium is needed for the browser tests; install it at {path} "
            "(Debian: apt-get install chromium) or set NEARER_CHROMIUM."
        )


def run() -> None:
    venv()
    # The default data directory is ./data of where Nearer runs: keep it beside the code.
    os.chdir(ROOT)
    nearer = BIN / ("nearer.exe" if os.name == "nt" else "nearer")
    os.execv(str(nearer), [str(nearer), "serve", *sys.argv[2:]])  # noqa: S606


def _run_length(row: str) -> int:
    """Return the number of lines of a `duplicates` row's first place (``a.py:19-51``)."""
    place = row.split()[1]
    first, _, last = place.rpartition(":")[2].partition("-")
    return int(last) - int(first) + 1 if first.isdigit() and last.isdigit() else 0


def check_duplicates(env: dict[str, str]) -> None:
    """Fail on code repeated in src/: DUPLICATE_LINES or more lines to the letter, or
    SHAPE_LINES or more of the same shape with other names (not boilerplate).

    Uses the workplace's `duplicates` command where it is installed (it is not a
    Python package). Migrations are generated code and are left out.
    """
    tool = shutil.which("duplicates")
    if tool is None:
        print("duplicates: command not installed here; repeated code not checked", flush=True)
        return
    out = subprocess.run(  # noqa: S603
        [
            tool,
            "--repo",
            "src",
            "--min-lines",
            str(DUPLICATE_LINES),
            "--most",
            "200",
            "--seconds",
            "120",
        ],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    ).stdout
    rows = [line for line in out.splitlines() if line.startswith("D")]
    refused = [
        row
        for row in rows
        if "/migrations/" not in row
        and (" shape" not in row or ("boilerplate" not in row and _run_length(row) >= SHAPE_LINES))
    ]
    incomplete = [line for line in out.splitlines() if line.startswith("incomplete:")]
    print(out.splitlines()[0] if out else "duplicates: no output", flush=True)
    if refused or incomplete:
        print("\n".join(refused + incomplete))
        sys.exit(f"{len(refused)} repeated runs of code: give each one home.")


def test() -> None:
    venv("test")
    ensure_chromium()
    env = dict(os.environ)
    env["NEARER_TESTING"] = "1"
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with tempfile.TemporaryDirectory(prefix="nearer-test-") as data_dir:
        # mypy's Django plugin loads the settings too: keep its secrets out of ./data.
        env["NEARER_DATA_DIR"] = data_dir
        sh(BIN / "ruff", "check", "src", "bench", "tasks.py", env=env)
        sh(BIN / "ruff", "format", "--check", "src", "bench", "tasks.py", env=env)
        sh(BIN / "mypy", env=env)
        check_duplicates(env)
        # pytest exits non-zero when a test fails and also when no test ran at all.
        sh(BIN / "pytest", *sys.argv[2:], env=env)


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (tasks.py may be started by an older python3)
        sys.exit("Nearer needs Python 3.11 or newer.")
    commands = {"run": run, "test": test, "lock": lock}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()


if __name__ == "__main__":
    main()
