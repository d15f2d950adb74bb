"""Run Nearer's settings or commands in a fresh process, as production would.

Tests import settings in test mode (fast hashing, fast KDF). Production values
can only be seen in a process started without ``NEARER_TESTING``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

_PRINT_SETTINGS = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
from django.conf import settings
names = json.loads(os.environ["PROBE_NAMES"])
print(json.dumps({name: getattr(settings, name, None) for name in names}, default=str))
"""


def production_env(data_dir: str, **overrides: str) -> dict[str, str]:
    """Return an environment without test mode or local NEARER_* values."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEARER_", "DJANGO_", "PYTEST"))
    }
    env["NEARER_DATA_DIR"] = data_dir
    env.update(overrides)
    return env


def run_nearer(
    args: list[str], *, data_dir: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m nearer <args>`` with production settings; return the result."""
    with tempfile.TemporaryDirectory(prefix="nearer-prod-") as tmp:
        return subprocess.run(  # noqa: S603
            [sys.executable, "-m", "nearer", *args],
            env=production_env(data_dir or tmp, **env),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def production_settings(*names: str, **env: str) -> dict[str, Any]:
    """Return the named settings as a fresh production process computes them."""
    with tempfile.TemporaryDirectory(prefix="nearer-prod-") as tmp:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", _PRINT_SETTINGS],
            env=production_env(tmp, PROBE_NAMES=json.dumps(names), **env),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    values: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return values
