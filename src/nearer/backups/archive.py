"""The backup file: a zip of every table's rows, with the secrets sealed inside.

Layout (a zip, deflated)::

    backup.json            what this is: format, version, when, which database,
                           the migrations it was made at, each table's columns and
                           row count, and the sealed secrets (below)
    tables/<label>.jsonl   one JSON array a line per row (``backups.tables``)

The rows are as the database holds them: people's writing stays sealed with their
own keys, names of accounts and dates stay as clear as in the database. The
secret key and the pepper, without which nobody can log in, are sealed with
AES-256-GCM under a key stretched from the operator's passphrase by Argon2id
(64 MiB, t=3; the parameters are kept beside them, so they can be raised).

Reading checks everything before a restore writes anything (``BackupReader.check``):
any file that is not such a backup — cut short, changed, of another version — is a
``BackupError`` with a sentence for the operator, never a crash.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "nearer-backup"
VERSION = 1
MANIFEST = "backup.json"
PASSPHRASE_MIN = 12
PASSPHRASE_MAX = 1024
KDF = {"memory_kib": 65536, "time_cost": 3, "parallelism": 1}
# Limits on what a backup file may claim, so a crafted file costs bounded memory.
MANIFEST_MAX_BYTES = 4 * 1024 * 1024
LINE_MAX_BYTES = 64 * 1024 * 1024


# What reading a zip member can raise when the file is not what it claims: damaged
# data, a feature zipfile lacks (NotImplementedError), a member that is encrypted
# (RuntimeError), a cut-short stream (EOFError).
_ZIP_TROUBLE = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)


class BackupError(Exception):
    """The backup cannot be made or read; the message says why, for the operator."""


@dataclass(frozen=True)
class Secrets:
    secret_key: str
    pepper: str


def check_passphrase(passphrase: str) -> None:
    if not PASSPHRASE_MIN <= len(passphrase) <= PASSPHRASE_MAX:
        raise BackupError(
            f"The passphrase must be {PASSPHRASE_MIN} to {PASSPHRASE_MAX} characters long."
        )


def _stretch(passphrase: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=kdf["time_cost"],
        memory_cost=kdf["memory_kib"],
        parallelism=kdf["parallelism"],
        hash_len=32,
        type=Type.ID,
    )


def _aad(made_at: str) -> bytes:
    return f"{FORMAT}|{VERSION}|secrets|{made_at}".encode()


def seal_secrets(secrets: Secrets, passphrase: str, made_at: str) -> dict[str, Any]:
    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _stretch(passphrase, salt, KDF)
    plain = json.dumps({"secret_key": secrets.secret_key, "pepper": secrets.pepper})
    sealed = AESGCM(key).encrypt(nonce, plain.encode("utf-8"), _aad(made_at))
    return {
        "kdf": {**KDF, "salt": base64.b64encode(salt).decode("ascii")},
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }


class BackupWriter:
    """Writes a backup to a new file (never over an existing one), mode 0600."""

    def __init__(self, path: Path) -> None:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise BackupError(
                f"{path} already exists; a backup never writes over a file."
            ) from None
        except OSError as exc:
            raise BackupError(f"{path} cannot be written: {exc.strerror}.") from None
        self.path = path
        self._file = os.fdopen(fd, "wb")
        self._zip = zipfile.ZipFile(self._file, "w", compression=zipfile.ZIP_DEFLATED)
        self.made_at = datetime.now(UTC).isoformat()
        self.tables: dict[str, dict[str, Any]] = {}

    def table(self, label: str, columns: Sequence[str], rows: Iterator[list[Any]]) -> int:
        count = 0
        with self._zip.open(f"tables/{label}.jsonl", "w", force_zip64=True) as out:
            for row in rows:
                out.write(json.dumps(row, separators=(",", ":")).encode("utf-8") + b"\n")
                count += 1
        self.tables[label] = {"columns": list(columns), "rows": count}
        return count

    def finish(self, *, database: str, migrations: list[str], secrets: dict[str, Any]) -> None:
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "made_at": self.made_at,
            "database": database,
            "migrations": migrations,
            "tables": self.tables,
            "secrets": secrets,
        }
        self._zip.writestr(MANIFEST, json.dumps(manifest, indent=1))
        self._zip.close()
        self._file.close()

    def abandon(self) -> None:
        """Close and delete a backup that could not be finished."""
        # Already failing: whatever closing the half-written zip says adds nothing.
        with contextlib.suppress(OSError, ValueError, zipfile.BadZipFile):
            self._zip.close()
        self._file.close()
        self.path.unlink(missing_ok=True)


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise BackupError(f"This is not a Nearer backup that can be read: {what}.")


class BackupReader:
    """Reads a backup file; every way it can be wrong is a BackupError."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BackupError(f"There is no file {path}.") from None
        except _ZIP_TROUBLE:
            raise BackupError(f"{path} is not a Nearer backup (not a zip file).") from None
        try:
            info = self._zip.getinfo(MANIFEST)
        except KeyError:
            raise BackupError(f"{path} is not a Nearer backup (no {MANIFEST}).") from None
        _require(info.file_size <= MANIFEST_MAX_BYTES, f"{MANIFEST} is too large")
        try:
            manifest = json.loads(self._zip.read(MANIFEST))
        except _ZIP_TROUBLE:
            raise BackupError(f"{path} is damaged ({MANIFEST} does not read).") from None
        _require(isinstance(manifest, dict), "its description is not an object")
        _require(manifest.get("format") == FORMAT, "its format is not a Nearer backup")
        _require(manifest.get("version") == VERSION, f"it is not version {VERSION}")
        tables, migrations = manifest.get("tables"), manifest.get("migrations")
        _require(isinstance(tables, dict), "it lists no tables")
        _require(
            isinstance(migrations, list) and all(isinstance(m, str) for m in migrations),
            "it lists no migrations",
        )
        for label, table in tables.items():
            _require(
                isinstance(table, dict)
                and isinstance(table.get("columns"), list)
                and all(isinstance(c, str) for c in table["columns"])
                and isinstance(table.get("rows"), int)
                and table["rows"] >= 0,
                f"table {label!r} is described wrongly",
            )
        _require(isinstance(manifest.get("made_at"), str), "it has no date")
        _require(isinstance(manifest.get("secrets"), dict), "it has no secrets")
        self.path = path
        self.manifest: dict[str, Any] = manifest
        self.tables: dict[str, dict[str, Any]] = tables
        self.migrations: list[str] = migrations

    def secrets(self, passphrase: str) -> Secrets:
        """The secret key and pepper; BackupError for a wrong passphrase."""
        sealed = self.manifest["secrets"]
        try:
            kdf = sealed["kdf"]
            params = {name: int(kdf[name]) for name in ("memory_kib", "time_cost", "parallelism")}
            _require(
                8 <= params["memory_kib"] <= 1024 * 1024
                and 1 <= params["time_cost"] <= 20
                and 1 <= params["parallelism"] <= 64,
                "its passphrase settings are out of range",
            )
            salt = base64.b64decode(kdf["salt"], validate=True)
            nonce = base64.b64decode(sealed["nonce"], validate=True)
            box = base64.b64decode(sealed["sealed"], validate=True)
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise BackupError("This backup's sealed secrets are damaged.") from None
        _require(len(nonce) == 12 and len(salt) >= 8, "its sealed secrets are damaged")
        try:
            plain = AESGCM(_stretch(passphrase, salt, params)).decrypt(
                nonce, box, _aad(self.manifest["made_at"])
            )
            values = json.loads(plain)
            found = Secrets(secret_key=values["secret_key"], pepper=values["pepper"])
        except InvalidTag:
            raise BackupError(
                "That passphrase does not open this backup; nothing was changed."
            ) from None
        except (KeyError, TypeError, ValueError):
            raise BackupError("This backup's sealed secrets are damaged.") from None
        _require(
            isinstance(found.secret_key, str) and isinstance(found.pepper, str),
            "its secrets are damaged",
        )
        return found

    def rows(self, label: str) -> Iterator[list[Any]]:
        """The rows of one table; BackupError when any line is damaged."""
        try:
            stream: IO[bytes] = self._zip.open(f"tables/{label}.jsonl")
        except KeyError:
            raise BackupError(f"This backup has no rows for {label}.") from None
        except _ZIP_TROUBLE:
            raise BackupError(f"This backup's rows of {label} are damaged.") from None
        with stream:
            while True:
                try:
                    line = stream.readline(LINE_MAX_BYTES + 1)
                except _ZIP_TROUBLE:
                    # A changed byte fails the zip's CRC check at the end of the stream.
                    raise BackupError(f"This backup's rows of {label} are damaged.") from None
                if not line:
                    return
                _require(len(line) <= LINE_MAX_BYTES, f"a row of {label} is too long")
                try:
                    row = json.loads(line)
                except (ValueError, UnicodeDecodeError):
                    raise BackupError(f"A row of {label} in this backup is damaged.") from None
                _require(isinstance(row, list), f"a row of {label} is not a row")
                yield row

    def check(self) -> None:
        """Read every table through to its end: counts and the zip's CRCs must hold."""
        for label, table in self.tables.items():
            count = 0
            for row in self.rows(label):
                _require(
                    len(row) == len(table["columns"]), f"a row of {label} has the wrong columns"
                )
                count += 1
            _require(count == table["rows"], f"{label} holds {count} rows, not {table['rows']}")

    def close(self) -> None:
        self._zip.close()
