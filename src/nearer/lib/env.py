"""Typed readers for NEARER_* environment variables.

Every reader raises :class:`ConfigError` naming the variable when a value is
malformed, so a typo stops start-up instead of silently falling back.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path


class ConfigError(Exception):
    """A NEARER_* variable holds a value Nearer cannot use."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Return the variable as a boolean; accepts 1/0, true/false, yes/no, on/off."""
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {raw!r}).")


def env_int(
    name: str, default: int, *, minimum: int = 0, environ: Mapping[str, str] = os.environ
) -> int:
    """Return the variable as an integer of at least ``minimum``."""
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a whole number (got {raw!r}).") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum} (got {value}).")
    return value


def env_str(name: str, default: str, environ: Mapping[str, str] = os.environ) -> str:
    """Return the variable stripped of surrounding space, or the default."""
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip()


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    """Return a comma-separated variable as a list without empty items."""
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


class MissingSecret:
    """Stands in for a secret that is neither in the environment nor in the data directory.

    Any use of it as text stops with ``message`` instead of going on with an empty or
    made-up value (an empty pepper would make every login fail, silently).
    """

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(self.message)

    def __repr__(self) -> str:
        return "MissingSecret()"


def secret_read(name: str, path: Path, *, environ: Mapping[str, str] = os.environ) -> str | None:
    """Return a secret from the environment, else from ``path``, else None; writes nothing."""
    raw = environ.get(name)
    if raw is not None and raw.strip() != "":
        value = raw.strip()
        if len(value) < 32:
            raise ConfigError(f"{name} must be at least 32 characters long.")
        return value
    if path.exists():
        value = path.read_text(encoding="ascii").strip()
        if len(value) < 32:
            raise ConfigError(f"{path.name} in the data directory is too short; delete it.")
        return value
    return None


def secret_create(path: Path, *, nbytes: int = 48) -> str:
    """Write a new random secret to ``path`` (mode 0600) and return it.

    If another process made the file first, its secret is returned instead: two
    servers started at once on a new data directory agree on one secret.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # The other process may be between creating the file and writing it.
        for _ in range(50):
            existing = path.read_text(encoding="ascii").strip()
            if len(existing) >= 32:
                return existing
            time.sleep(0.1)
        raise ConfigError(f"{path.name} in the data directory is too short; delete it.") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value


def secret_from_env_or_file(
    name: str, path: Path, *, nbytes: int = 48, environ: Mapping[str, str] = os.environ
) -> str:
    """Return a secret from the environment, else from ``path``, creating it once.

    A new file is written with mode 0600 so only the server's user can read it.
    """
    value = secret_read(name, path, environ=environ)
    return value if value is not None else secret_create(path, nbytes=nbytes)


def env_records(
    name: str,
    default: list[tuple[str, ...]],
    *,
    min_fields: int,
    max_fields: int,
    environ: Mapping[str, str] = os.environ,
) -> list[tuple[str, ...]]:
    """Return a list of records: entries separated by ``;`` (or new lines), fields by ``|``.

    Each field is stripped; a record needs ``min_fields`` to ``max_fields`` fields,
    the first ``min_fields`` of them not empty. Missing optional fields are "".
    """
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    records: list[tuple[str, ...]] = []
    for number, entry in enumerate(raw.replace("\n", ";").split(";"), start=1):
        if not entry.strip():
            continue
        fields = [part.strip() for part in entry.split("|")]
        if not min_fields <= len(fields) <= max_fields or not all(fields[:min_fields]):
            raise ConfigError(
                f"{name}: entry {number} must have {min_fields} to {max_fields} fields "
                f"separated by '|' (got {entry.strip()!r})."
            )
        records.append(tuple(fields + [""] * (max_fields - len(fields))))
    return records
