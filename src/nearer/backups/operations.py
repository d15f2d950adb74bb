"""``nearer backup``, ``nearer restore`` and ``nearer move``.

- **backup** reads a consistent snapshot while Nearer runs. SQLite: the online
  backup API copies the database into a private temporary file (writers are not
  held up), and the rows are read from that copy. PostgreSQL: one repeatable-read
  transaction (MVCC: writers go on). The secrets go in sealed (``archive``).
- **restore** fills an empty database (and data directory) from a backup: the file
  is checked whole first (nothing is written if any of it is wrong, or the
  passphrase does not open it), then migrated, filled in one transaction, and its
  counts compared with the backup's.
- **move** copies this instance's database into an empty PostgreSQL database:
  migrated there first, filled in one transaction, then verified table by table
  (row counts, and a digest over every column, so every sealed value arrived byte
  for byte).

A backup restores only into the same migrations it was made at: restore it with
the Nearer that made it, then upgrade.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

from nearer.backups import tables
from nearer.backups.archive import BackupError, BackupReader, BackupWriter, Secrets, seal_secrets

SNAPSHOT = "nearer_backup_snapshot"
TARGET = "nearer_move_target"
Say = Callable[[str], None]


def _add_database(alias: str, config: dict[str, Any]) -> None:
    """Make ``alias`` a database Django can use in this process."""
    # configure_settings fills in Django's defaults; it wants the alias "default".
    connections.settings[alias] = connections.configure_settings({"default": config})["default"]


def _drop_database(alias: str) -> None:
    if alias in connections.settings:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def _migrations(alias: str) -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _is_sqlite(alias: str) -> bool:
    return connections[alias].vendor == "sqlite"


# --- backup -------------------------------------------------------------------------


def backup(path: Path, *, passphrase: str, say: Say) -> dict[str, int]:
    """Write a backup of the running database to ``path``; return rows per table."""
    writer = BackupWriter(path)
    snapshot_dir: str | None = None
    try:
        secrets = seal_secrets(
            Secrets(secret_key=str(settings.SECRET_KEY), pepper=str(settings.VAULT_PEPPER)),
            passphrase,
            writer.made_at,
        )
        if _is_sqlite("default"):
            snapshot_dir = tempfile.mkdtemp(prefix="nearer-backup-")  # 0700
            copy = Path(snapshot_dir) / "snapshot.sqlite3"
            source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
            target = sqlite3.connect(str(copy))
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
            _add_database(SNAPSHOT, {"ENGINE": "django.db.backends.sqlite3", "NAME": str(copy)})
            counts = _write_tables(writer, SNAPSHOT, say)
            migrations = _migrations(SNAPSHOT)
        else:
            with transaction.atomic(using="default"):
                with connections["default"].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                counts = _write_tables(writer, "default", say)
                migrations = _migrations("default")
        writer.finish(
            database=connections["default"].vendor, migrations=migrations, secrets=secrets
        )
    except BaseException:
        writer.abandon()
        raise
    finally:
        _drop_database(SNAPSHOT)
        if snapshot_dir:
            shutil.rmtree(snapshot_dir, ignore_errors=True)
    return counts


def _write_tables(writer: BackupWriter, alias: str, say: Say) -> dict[str, int]:
    counts = {}
    for model in tables.copied_models():
        label = model._meta.label_lower
        counts[label] = writer.table(label, tables.columns(model), tables.rows_of(alias, model))
    say(f"{sum(counts.values()):,} rows in {len(counts)} tables.")
    return counts


# --- restore ------------------------------------------------------------------------


def _user_rows(alias: str) -> int | None:
    """How many accounts ``alias`` holds; None when it has no tables yet."""
    from nearer.accounts.models import User

    database = connections[alias].settings_dict
    if (
        database["ENGINE"] == "django.db.backends.sqlite3"
        and not Path(str(database["NAME"])).exists()
    ):
        return None  # a new SQLite file: connecting would make it
    try:
        if User._meta.db_table not in connections[alias].introspection.table_names():
            return None
        return User._base_manager.using(alias).count()
    except DatabaseError as exc:
        raise BackupError(f"The database could not be reached: {exc}".strip()) from None


def _refuse_unless_empty(alias: str, where: str) -> None:
    """BackupError unless every table but migrate's own is empty (or there are none)."""
    if _user_rows(alias) is None:
        return
    existing = set(connections[alias].introspection.table_names())
    for model in tables.copied_models():
        label = model._meta.label_lower
        if label in tables.MADE_BY_MIGRATE or model._meta.db_table not in existing:
            continue
        if model._base_manager.using(alias).exists():
            raise BackupError(
                f"{where} is not empty (it has {model._meta.verbose_name_plural}); "
                "nothing was changed. Restore and move fill only an empty database."
            )


def _fill(alias: str, rows_of: Callable[[type[models.Model]], Any], say: Say) -> dict[str, int]:
    """Migrate ``alias``, then copy every table into it in one transaction."""
    call_command("migrate", database=alias, interactive=False, verbosity=0)
    _refuse_unless_empty(alias, "The target database")
    every = tables.copied_models()
    counts: dict[str, int] = {}
    with transaction.atomic(using=alias):
        for model in reversed(every):
            if model._meta.label_lower in tables.MADE_BY_MIGRATE:
                model._base_manager.using(alias).all().delete()
        for model in every:
            counts[model._meta.label_lower] = tables.insert_rows(alias, model, rows_of(model))
        tables.reset_sequences(alias, every)
    say(f"{sum(counts.values()):,} rows in {len(counts)} tables.")
    return counts


def _secret_file(path: Path, value: str) -> None:
    """Write a restored secret (mode 0600); refuse to replace a different one."""
    if path.exists():
        if path.read_text(encoding="ascii").strip() != value:
            raise BackupError(
                f"{path} holds another secret than the backup's; nothing was changed. "
                "Restore into an empty data directory."
            )
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(value + "\n")


def restore(path: Path, *, passphrase: str, say: Say) -> dict[str, int]:
    """Fill the configured (empty) database and data directory from the backup at ``path``."""
    reader = BackupReader(path)
    try:
        found = reader.secrets(passphrase)
        for name, value, given in (
            ("NEARER_SECRET_KEY", found.secret_key, os.environ.get("NEARER_SECRET_KEY", "")),
            ("NEARER_PEPPER", found.pepper, os.environ.get("NEARER_PEPPER", "")),
        ):
            if given.strip() and given.strip() != value:
                raise BackupError(
                    f"{name} is set to another value than the backup's; nothing was changed."
                )
        known = sorted(f"{migration.app_label}.{migration.name}" for migration in _all_migrations())
        if reader.migrations != known:
            raise BackupError(
                "This backup was made by another version of Nearer (its migrations differ "
                "from this one's); restore it with the version that made it, then upgrade. "
                "Nothing was changed."
            )
        expected = {
            model._meta.label_lower: tables.columns(model) for model in tables.copied_models()
        }
        described = {label: table["columns"] for label, table in reader.tables.items()}
        if described != expected:
            raise BackupError(
                "This backup's tables differ from this Nearer's; nothing was changed."
            )
        _refuse_unless_empty("default", "The database")
        say("Checking every row of the backup…")
        reader.check()
        data_dir = Path(settings.DATA_DIR)
        for name in ("secret_key", "pepper"):
            file = data_dir / name
            value = found.secret_key if name == "secret_key" else found.pepper
            if file.exists() and file.read_text(encoding="ascii").strip() != value:
                raise BackupError(
                    f"{file} holds another secret than the backup's; nothing was changed. "
                    "Restore into an empty data directory."
                )
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        data_dir.chmod(0o700)
        settings.SECRET_KEY = found.secret_key
        settings.VAULT_PEPPER = found.pepper
        counts = _fill("default", lambda model: reader.rows(model._meta.label_lower), say)
        _secret_file(data_dir / "secret_key", found.secret_key)
        _secret_file(data_dir / "pepper", found.pepper)
    finally:
        reader.close()
    wanted = {label: table["rows"] for label, table in reader.tables.items()}
    if counts != wanted:
        raise BackupError("The restored row counts differ from the backup's.")
    return counts


def _all_migrations() -> list[Any]:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    return list(loader.disk_migrations.values())


# --- move ---------------------------------------------------------------------------


def move(url: str, *, say: Say) -> dict[str, int]:
    """Copy this instance's database into the empty PostgreSQL database at ``url``."""
    if not url.startswith(("postgres://", "postgresql://")):
        raise BackupError("--to takes a PostgreSQL URL: postgres://user@host:port/name.")
    try:
        config = dj_database_url.parse(url)
    except ValueError as exc:
        raise BackupError(f"--to does not read as a database URL: {exc}") from None
    if not _is_sqlite("default"):
        raise BackupError("move copies a SQLite instance; this one already uses PostgreSQL.")
    _add_database(TARGET, dict(config))
    snapshot_dir = tempfile.mkdtemp(prefix="nearer-move-")
    try:
        if _user_rows(TARGET) is not None:
            _refuse_unless_empty(TARGET, "The PostgreSQL database")
        # From a snapshot, so the copy is consistent while Nearer keeps running.
        copy = Path(snapshot_dir) / "snapshot.sqlite3"
        source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
        target = sqlite3.connect(str(copy))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        _add_database(SNAPSHOT, {"ENGINE": "django.db.backends.sqlite3", "NAME": str(copy)})
        counts = _fill(TARGET, lambda model: tables.rows_of(SNAPSHOT, model), say)
        say("Verifying every table (row counts and every column, byte for byte)…")
        for model in tables.copied_models():
            if tables.digest(SNAPSHOT, model) != tables.digest(TARGET, model):
                raise BackupError(
                    f"{model._meta.label_lower} differs after the copy; do not use the "
                    "PostgreSQL database (drop it and move again)."
                )
    except DatabaseError as exc:
        raise BackupError(f"The PostgreSQL database refused the copy: {exc}".strip()) from None
    finally:
        _drop_database(SNAPSHOT)
        _drop_database(TARGET)
        shutil.rmtree(snapshot_dir, ignore_errors=True)
    return counts
