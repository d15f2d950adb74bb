#!/usr/bin/env python3
"""The two commands of the README, in plain Python so they need nothing but Python 3.11+.

    python3 tasks.py run    set up a virtual environment, then run Nearer at http://127.0.0.1:8000
    python3 tasks.py test   set up the test environment, then run ruff, mypy and every test

The test command uses SQLite unless NEARER_DATABASE_URL points at PostgreSQL.
Browser tests need Chromium at /usr/bin/chromium (or NEARER_CHROMIUM); on Debian
as root it is installed with apt when missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def sh(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command; stop with its exit status if it fails."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(result.returncode)


def venv(extra: str = "") -> None:
    """Create .venv if needed and install Nearer (with ``extra``) into it."""
    if not (BIN / "python").exists():
        sh(sys.executable, "-m", "venv", VENV)
    target = f".[{extra}]" if extra else "."
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "-e", target)


def ensure_chromium() -> None:
    """Make sure a Chromium for the browser tests exists, installing Debian's if we can."""
    path = os.environ.get("NEARER_CHROMIUM", "/usr/bin/chromium")
    if Path(path).exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", "chromium")
    if not Path(path).exists():
        sys.exit(f"Chromium is needed for the browser tests; install it at {path} "
                 "(Debian: apt-get install chromium) or set NEARER_CHROMIUM.")


def run() -> None:
    venv()
    os.execv(str(BIN / "nearer"), [str(BIN / "nearer"), "serve", *sys.argv[2:]])  # noqa: S606


def test() -> None:
    venv("test")
    ensure_chromium()
    sh(BIN / "ruff", "check", "src", "bench", "tasks.py")
    sh(BIN / "mypy")
    env = dict(os.environ)
    env["NEARER_TESTING"] = "1"
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with tempfile.TemporaryDirectory(prefix="nearer-test-") as data_dir:
        env["NEARER_DATA_DIR"] = data_dir
        sh(BIN / "pytest", *sys.argv[2:], env=env)


def main() -> None:
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()


if __name__ == "__main__":
    main()
