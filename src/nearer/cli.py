"""The `nearer` command: serve, migrate, check, createsuperuser, demo, worker-free."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
    import django

    django.setup()


def _manage(args: Sequence[str]) -> int:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nearer", *args])
    return 0


def _serve(host: str, port: int, workers: int) -> int:
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
    call_command("collectstatic", interactive=False, verbosity=0)
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "nearer.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        # The access log records method, path and status only — never bodies.
        "--access-logformat",
        '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
    ]
    print(f"Nearer is running at http://{host}:{port}/ (data in {settings.DATA_DIR})", flush=True)
    run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `nearer` command line; return the process exit status."""
    parser = argparse.ArgumentParser(prog="nearer", description="Nearer: a private companion.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate, then run the web server (gunicorn)")
    serve.add_argument("--host", default=os.environ.get("NEARER_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("NEARER_PORT", "8000")))
    serve.add_argument("--workers", type=int, default=2)
    for name in ("migrate", "check", "createsuperuser", "shell"):
        sub.add_parser(name, help=f"Django's {name}", add_help=False)
    sub.add_parser("manage", help="any Django management command", add_help=False)
    demo = sub.add_parser("demo", help="create a demo account filled with realistic data")
    demo.add_argument("--username", default="demo")
    demo.add_argument("--password", default="demo-password-123")
    demo.add_argument("--years", type=int, default=10)
    demo.add_argument("--entries", type=int, default=10_000)
    args, rest = parser.parse_known_args(argv)
    if args.command == "serve":
        return _serve(args.host, args.port, args.workers)
    if args.command == "demo":
        _django_setup()
        from nearer.demo import build_demo

        build_demo(
            username=args.username, password=args.password, years=args.years, entries=args.entries
        )
        return 0
    if args.command == "manage":
        return _manage(rest)
    return _manage([args.command, *rest])


if __name__ == "__main__":
    raise SystemExit(main())
