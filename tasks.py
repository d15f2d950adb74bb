#!/usr/bin/env python3
"""The two commands of the README, in plain Python so they need nothing but Python 3.11+.

    python3 tasks.py run    set up a virtual environment, then run Nearer at http://127.0.0.1:8000
    python3 tasks.py test   set up the test environment, then run ruff, mypy and every test

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


def sh(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command; stop with its exit status if it fails."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(result.returncode)


def venv(extra: str = "") -> None:
    """Create .venv if needed and install Nearer (with ``extra``) into it.

    The install is skipped when pyproject.toml has not changed since the last one
    (the package is installed in editable mode, so code changes need no reinstall).
    """
    if not PYTHON.exists():
        ensure_venv_module()
        sh(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".nearer-installed-{extra or 'base'}"
    if stamp.exists() and stamp.read_text(encoding="ascii") == digest:
        return
    target = f".[{extra}]" if extra else "."
    sh(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(PYTHON, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(digest, encoding="ascii")


def _can_apt() -> bool:
    return bool(shutil.which("apt-get")) and hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_venv_module() -> None:
    """Debian and Ubuntu ship Python's venv support separately; install it if we can."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        package = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
        if not _can_apt():
            sys.exit(f"Python's venv module is missing; install it (Debian/Ubuntu: "
                     f"apt-get install {package}) and run this again.")
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
        sys.exit(f"Chromium is needed for the browser tests; install it at {path} "
                 "(Debian: apt-get install chromium) or set NEARER_CHROMIUM.")


def run() -> None:
    venv()
    # The default data directory is ./data of where Nearer runs: keep it beside the code.
    os.chdir(ROOT)
    nearer = BIN / ("nearer.exe" if os.name == "nt" else "nearer")
    os.execv(str(nearer), [str(nearer), "serve", *sys.argv[2:]])  # noqa: S606


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
        sh(BIN / "mypy", env=env)
        # pytest exits non-zero when a test fails and also when no test ran at all.
        sh(BIN / "pytest", *sys.argv[2:], env=env)


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (tasks.py may be started by an older python3)
        sys.exit("Nearer needs Python 3.11 or newer.")
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()


if __name__ == "__main__":
    main()
