"""The `nearer` command: serve, migrate, check, createsuperuser, clearsessions, manage, demo,
invite, send-reminders.

``nearer serve`` is the production server: it migrates, collects static files and
runs gunicorn (static files are served by WhiteNoise from the same process).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from nearer.lib.env import ConfigError, env_int, env_str

# Django management commands passed straight through: `nearer migrate --plan` is
# `manage.py migrate --plan`.
# `clearsessions` deletes expired sessions (each still holds half a key); run it daily
# (docs/operations.md).
PASSTHROUGH = ("migrate", "check", "createsuperuser", "changepassword", "shell", "clearsessions")


def _django_setup() -> None:
    # Importing settings validates every NEARER_* variable; a bad one exits with a message.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
    import django

    django.setup()
    try:
        _prepare_data_dir()
        _pepper_check(after_migrate=False)
    except ConfigError as exc:
        sys.stderr.write(f"Nearer cannot start: {exc}\n")
        raise SystemExit(2) from None


def _after_migrate() -> None:
    # A database that had no fingerprint table before migrate gets its fingerprint now.
    try:
        _pepper_check(after_migrate=True)
    except ConfigError as exc:
        sys.stderr.write(f"Nearer cannot start: {exc}\n")
        raise SystemExit(2) from None


# The files in the data directory that only the server's user may read.
_PRIVATE_FILES = ("secret_key", "pepper")
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _prepare_data_dir() -> None:
    """Make the data directory private, then any missing secret (settings only read).

    Every `nearer` command comes through here before it touches the database, so this
    is the one place where files appear in the data directory.
    """
    from django.conf import settings

    from nearer.lib.env import MissingSecret, secret_create, secret_read

    data_dir = settings.DATA_DIR
    database = settings.DATABASES["default"]
    sqlite_name = (
        str(database["NAME"]) if database["ENGINE"] == "django.db.backends.sqlite3" else None
    )
    # Asked first, so a refused start leaves nothing behind (no stray data directory).
    pepper_missing = isinstance(settings.VAULT_PEPPER, MissingSecret)
    if pepper_missing and _database_has_accounts(sqlite_name):
        raise ConfigError(
            f"the database already has accounts (or was set up with a pepper), but there "
            f"is no pepper: NEARER_PEPPER "
            f"is not set and there is no file {data_dir / 'pepper'} (NEARER_DATA_DIR is "
            f"{data_dir}). A new pepper would make every password fail. Set "
            "NEARER_DATA_DIR to the data directory that holds this database's pepper, "
            "or set NEARER_PEPPER to that pepper."
        )
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir leaves an existing directory's mode alone (a 0755 one stays listable).
    data_dir.chmod(0o700)
    private = [data_dir / name for name in _PRIVATE_FILES]
    if sqlite_name:
        private += [Path(sqlite_name + end) for end in _SQLITE_COMPANIONS]
    for path in private:
        if path.exists():
            path.chmod(0o600)
    (data_dir / "static").mkdir(mode=0o700, exist_ok=True)
    # (Read again rather than through settings, where Django refuses an empty key.)
    if secret_read("NEARER_SECRET_KEY", data_dir / "secret_key") is None:
        # A new secret key only logs everyone out once; no data depends on it.
        settings.SECRET_KEY = secret_create(data_dir / "secret_key")
    if pepper_missing:
        settings.VAULT_PEPPER = secret_create(data_dir / "pepper")


def _database_has_accounts(sqlite_name: str | None) -> bool:
    """Return whether the database holds any account or a pepper's fingerprint.

    Stops if the database can't be asked.
    """
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError, connections

    from nearer.accounts.models import PepperFingerprint
    from nearer.accounts.pepper_check import pepper_fingerprint_stored

    if sqlite_name is not None and not Path(sqlite_name).exists():
        return False  # a new SQLite file (connecting would create it, and its directory)
    table = get_user_model()._meta.db_table
    connection = connections["default"]
    try:
        tables = connection.introspection.table_names()
        if table not in tables:
            return False  # a new database: migrate has not run yet
        if get_user_model()._default_manager.exists():
            return True
        # No accounts, but set up with a pepper: a new one would not match it.
        return PepperFingerprint._meta.db_table in tables and pepper_fingerprint_stored()
    except DatabaseError as exc:
        # Without an answer, making a pepper could lock every account out: stop.
        raise ConfigError(
            f"there is no pepper (NEARER_PEPPER, or a pepper file in NEARER_DATA_DIR) and "
            f"the database could not be asked whether it has accounts ({exc}); check "
            "NEARER_DATABASE_URL."
        ) from None
    finally:
        connection.close()


def _pepper_check(*, after_migrate: bool) -> None:
    """Stop if the database was set up with another pepper; store the fingerprint if none.

    Before migrate the fingerprint table may not exist yet (a new database, or one from
    before this check): then migrate's end checks. Neither the pepper nor its
    fingerprint is ever printed.
    """
    from django.conf import settings
    from django.db import DatabaseError, connections

    from nearer.accounts.models import PepperFingerprint
    from nearer.accounts.pepper_check import PepperMismatchError, pepper_fingerprint_check

    database = settings.DATABASES["default"]
    sqlite = database["ENGINE"] == "django.db.backends.sqlite3"
    if sqlite and not Path(str(database["NAME"])).exists():
        return  # a new SQLite file: migrate makes it, then checks
    connection = connections["default"]
    try:
        if PepperFingerprint._meta.db_table not in connection.introspection.table_names():
            return
        pepper_fingerprint_check(pepper=str(settings.VAULT_PEPPER))
    except PepperMismatchError:
        source = (
            "NEARER_PEPPER"
            if os.environ.get("NEARER_PEPPER", "").strip()
            else f"the file {settings.DATA_DIR / 'pepper'}"
        )
        raise ConfigError(
            "this database was set up with another pepper: the pepper in use (from "
            f"{source}; NEARER_DATA_DIR is {settings.DATA_DIR}) is not the one its "
            "accounts were made with, and every login would fail. Set NEARER_DATA_DIR to "
            "the data directory that holds this database's pepper, or set NEARER_PEPPER "
            "to that pepper."
        ) from None
    except DatabaseError as exc:
        if not after_migrate:
            return  # the command meets the same error itself; serve checks after migrate
        raise ConfigError(
            f"the database could not be asked for its pepper's fingerprint ({exc}); check "
            "NEARER_DATABASE_URL."
        ) from None
    finally:
        connection.close()


def _manage(args: Sequence[str]) -> int:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nearer", *args])
    if args and args[0] == "migrate":
        _after_migrate()
    return 0


def _gunicorn_argv(host: str, port: int, workers: int, threads: int = 1) -> list[str]:
    """Return gunicorn's command line for Nearer (tested without starting a server)."""
    from gunicorn.config import KNOWN_SETTINGS

    argv = [
        "gunicorn",
        "nearer.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
    ]
    if threads > 1:
        # Threads in each worker: a slow client (an upload trickling in) holds one
        # thread, not a whole worker, so the site keeps serving (bench/bench_load.py).
        argv += ["--worker-class", "gthread", "--threads", str(threads)]
    argv += [
        "--access-logfile",
        "-",
        # The access log records method, path (no query string) and status — never bodies.
        "--access-logformat",
        '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
        # Control characters in a path (a %0a) are written escaped: no forged lines.
        "--logger-class",
        "nearer.lib.log_escape.GunicornLogger",
    ]
    # Newer gunicorn opens a control socket in the home directory; Nearer doesn't use it.
    if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
        argv.append("--no-control-socket")
    return argv


def _serve(host: str, port: int, workers: int, threads: int) -> int:
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
    _after_migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.db import connections
    from gunicorn.app.wsgiapp import run

    # gunicorn forks its workers from this process: a database connection left open by
    # migrate would be inherited and shared by every worker (a corrupted PostgreSQL
    # stream, or an SQLite handle used across fork). Each worker opens its own.
    connections.close_all()

    sys.argv = _gunicorn_argv(host, port, workers, threads)
    print(f"Nearer is running at http://{host}:{port}/ (data in {settings.DATA_DIR})", flush=True)
    print("Stop it with Ctrl+C.", flush=True)
    run()
    return 0


def _demo(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.management import call_command

    from nearer.demo import DemoExistsError, build_demo

    # The demo may be the first thing run on a new data directory.
    call_command("migrate", interactive=False, verbosity=0)
    _after_migrate()

    try:
        build_demo(
            username=args.username,
            password=args.password,
            years=args.years,
            entries=args.entries,
            people=args.people,
            moments=args.moments,
        )
    except DemoExistsError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    return 0


def _passphrase(*, twice: bool) -> str:
    """The operator's backup passphrase: NEARER_BACKUP_PASSPHRASE, or asked on the terminal."""
    import getpass

    given = os.environ.get("NEARER_BACKUP_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():
        raise SystemExit("Set NEARER_BACKUP_PASSPHRASE, or run this on a terminal to be asked.")
    first = getpass.getpass("Backup passphrase: ")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise SystemExit("The two passphrases differ; nothing was done.")
    return first


def _operator(args: argparse.Namespace) -> int:
    """``nearer backup``, ``restore`` and ``move`` (nearer.backups.operations)."""
    if args.command == "restore":
        # Not _django_setup(): an empty data directory gets the backup's secrets, not
        # new ones.
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
        import django

        django.setup()
    else:
        _django_setup()
    from nearer.backups import operations
    from nearer.backups.archive import BackupError, check_passphrase

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        if args.command == "backup":
            passphrase = _passphrase(twice=True)
            check_passphrase(passphrase)
            counts = operations.backup(Path(args.file), passphrase=passphrase, say=say)
            say(f"Backup written to {args.file} ({sum(counts.values()):,} rows).")
        elif args.command == "restore":
            counts = operations.restore(
                Path(args.file), passphrase=_passphrase(twice=False), say=say
            )
            say(f"Restored {sum(counts.values()):,} rows. Start Nearer with `nearer serve`.")
        else:
            counts = operations.move(args.to, say=say)
            say(
                f"Copied and verified {sum(counts.values()):,} rows. Point NEARER_DATABASE_URL "
                "at the PostgreSQL database and start Nearer again (docs/operations.md)."
            )
    except BackupError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


def _invite(args: argparse.Namespace) -> int:
    """``nearer invite [--days N]``: make a sign-up invite and print its code, once."""
    _django_setup()
    from django.conf import settings
    from django.core.exceptions import ValidationError

    from nearer.accounts.invites import signup_invite_create

    try:
        made = signup_invite_create(days=args.days)
    except ValidationError as exc:
        sys.stderr.write(f"{' '.join(exc.messages)}\n")
        return 2
    print(made.code)
    print(
        f"Good once, until {made.invite.expires_at:%Y-%m-%d %H:%M} UTC. Only a fingerprint "
        "is kept: this code is not shown again.",
        file=sys.stderr,
    )
    if settings.SIGNUP != "invite":
        print(
            f"Note: NEARER_SIGNUP is {settings.SIGNUP!r}; invites are asked for only when "
            "it is 'invite'.",
            file=sys.stderr,
        )
    return 0


def _send_reminders() -> int:
    """``nearer send-reminders``: send the reminders due now; print one line saying so.

    Run every few minutes (docs/operations.md). A failing mail server is reported and
    the others are still sent; the exit status is then 1.
    """
    _django_setup()
    from nearer.reminders.sending import NoBaseUrl, reminders_send

    try:
        summary = reminders_send()
    except NoBaseUrl:
        sys.stderr.write(
            "Reminders were not sent: NEARER_BASE_URL is not set, and every reminder "
            "needs it for its unsubscribe link (e.g. NEARER_BASE_URL=https://nearer.example.org).\n"
        )
        return 2
    print(summary.line())
    for error in summary.errors:
        sys.stderr.write(f"Could not send to {error}; tried again later.\n")
    return 1 if summary.failed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nearer", description="Nearer: a private companion for the closeness in your life."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    serve = sub.add_parser("serve", help="migrate, then run the web server (gunicorn)")
    serve.add_argument(
        "--host",
        default=env_str("NEARER_HOST", "127.0.0.1"),
        help="address to listen on (default 127.0.0.1, or NEARER_HOST)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=env_int("NEARER_PORT", 8000, minimum=1),
        help="port to listen on (default 8000, or NEARER_PORT)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=env_int("NEARER_WORKERS", 2, minimum=1),
        help="worker processes (default 2, or NEARER_WORKERS)",
    )
    serve.add_argument(
        "--threads",
        type=int,
        default=env_int("NEARER_THREADS", 4, minimum=1),
        help="threads in each worker (default 4, or NEARER_THREADS; 1: one request a worker)",
    )
    for name in PASSTHROUGH:
        sub.add_parser(name, help=f"Django's {name} (options passed through)", add_help=False)
    sub.add_parser(
        "manage",
        help="any Django management command, e.g. `nearer manage showmigrations`",
        add_help=False,
    )
    backup = sub.add_parser(
        "backup", help="write a consistent backup of the database and its secrets to FILE"
    )
    backup.add_argument("file", metavar="FILE", help="a new file (never written over)")
    restore = sub.add_parser(
        "restore", help="fill an empty database and data directory from a backup FILE"
    )
    restore.add_argument("file", metavar="FILE")
    move = sub.add_parser(
        "move", help="copy this SQLite instance into an empty PostgreSQL database"
    )
    move.add_argument("--to", required=True, metavar="URL", help="postgres://user@host:port/name")
    invite = sub.add_parser(
        "invite", help="make a sign-up invite (NEARER_SIGNUP=invite) and print its code once"
    )
    invite.add_argument(
        "--days", type=int, default=7, help="how long it is good for: 1 to 90 days (default 7)"
    )
    sub.add_parser(
        "send-reminders", help="send the email reminders due now (run every few minutes)"
    )
    demo = sub.add_parser(
        "demo", help="create a demo account: ten years of journal, people, moments, check-ins"
    )
    demo.add_argument("--username", default="demo")
    demo.add_argument(
        "--password", default=None, help="the demo's password (default: a new random one, printed)"
    )
    demo.add_argument("--years", type=int, default=10)
    demo.add_argument("--entries", type=int, default=10_000)
    demo.add_argument("--people", type=int, default=300)
    demo.add_argument("--moments", type=int, default=20_000)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `nearer` command line; return the process exit status."""
    # Everything Nearer creates (database, its WAL and SHM, secrets, collected static
    # files) is for the server's user alone; gunicorn's workers inherit the mask.
    os.umask(0o077)
    try:
        parser = _parser()
    except ConfigError as exc:
        sys.stderr.write(f"Nearer cannot start: {exc}\n")
        return 2
    args, rest = parser.parse_known_args(argv)
    if args.command == "serve":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return _serve(args.host, args.port, args.workers, args.threads)
    if args.command == "demo":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return _demo(args)
    if args.command == "invite":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return _invite(args)
    if args.command == "send-reminders":
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return _send_reminders()
    if args.command in ("backup", "restore", "move"):
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return _operator(args)
    if args.command == "manage":
        return _manage(rest)
    return _manage([args.command, *rest])


if __name__ == "__main__":
    raise SystemExit(main())
