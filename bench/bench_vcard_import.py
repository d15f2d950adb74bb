#!/usr/bin/env python3
"""Benchmark importing a phone's contacts: 5,000 cards (the most one file may hold), read,
previewed and saved.

    python bench/bench_vcard_import.py [--cards 5000] [--existing 300]

What it does:
1. Makes a throwaway data directory (SQLite unless NEARER_DATABASE_URL is set) with
   production settings (real Argon2, DEBUG off), migrates, signs a person up and logs
   in through the login page with Django's test Client.
2. Adds ``--existing`` people through the people service.
3. Writes a synthetic contacts file as phones export them: vCard 3.0 mostly, some
   4.0 and some 2.1 with quoted-printable names; phone numbers, e-mails, addresses,
   birthdays with and without a year, notes, small photos on one card in ten, a
   hundred cards with the name of someone already there, fifty repeated within the
   file and twenty broken cards.
4. Times, through the real pages: the upload (read + sort + seal), the preview page
   and the confirmation (merging every possible duplicate: the costliest choice);
   then the same file again, when every card is a possible duplicate.
5. Prints the machine and the times as a Markdown table.

It is not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import sys
import tempfile
import time

FIRST = (
    "Maya",
    "Jonas",
    "Zoë",
    "Ana",
    "Søren",
    "Lea",
    "Noah",
    "Amélie",
    "Kwame",
    "Yuki",
    "Priya",
    "Mateo",
    "Ingrid",
    "Tomás",
    "Aisha",
    "Liam",
    "Chloé",
    "Omar",
    "Freya",
    "Iván",
)
LAST = (
    "Lindqvist",
    "Berg",
    "Müller",
    "Okafor",
    "Nakamura",
    "García",
    "Dubois",
    "Kowalski",
    "Haddad",
    "Smith",
    "Rossi",
    "Novak",
    "Andersen",
    "Costa",
    "Sato",
    "Ibrahim",
)
PHOTO = "/9j/4AAQSkZJRgABAQAAAQABAAD" + "A" * 5000


def _qp(text: str) -> str:
    return "".join(
        ch
        if (ch.isascii() and ch.isalnum()) or ch == " "
        else "".join(f"={b:02X}" for b in ch.encode())
        for ch in text
    )


def _fold(line: str) -> str:
    return "\r\n ".join(line[i : i + 74] for i in range(0, len(line), 74))


def synthetic_file(cards: int, existing_names: list[str], seed: int = 7) -> bytes:
    """Return a contacts file of ``cards`` cards (see the module's description)."""
    rng = random.Random(seed)
    out: list[str] = []
    for n in range(cards):
        if n < 20:
            out += ["BEGIN:VCARD", "VERSION:3.0", "TEL:+1 555 0100", "nonsense", "END:VCARD"]
            continue
        if n < 120 and existing_names:
            first, last = existing_names[n % len(existing_names)].split(" ", 1)
        elif n < 170:
            first, last = FIRST[n % len(FIRST)], f"Twin{n % 25}"
        else:
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)}-{n}"
        version = "2.1" if n % 10 == 3 else "4.0" if n % 10 == 7 else "3.0"
        lines = ["BEGIN:VCARD", f"VERSION:{version}"]
        if version == "2.1":
            lines += [
                f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(last)};{_qp(first)};;;",
                f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(first + ' ' + last)}",
            ]
        else:
            lines += [f"FN:{first} {last}", f"N:{last};{first};;;"]
        lines += [
            f"TEL;TYPE=CELL:+1 555 {n:04d}",
            f"EMAIL;TYPE=HOME:p{n}@example.org",
            f"ADR;TYPE=HOME:;;{n} Long Road;Springfield;;12345;Country",
        ]
        if n % 2:
            lines.append(f"BDAY:{1950 + n % 60}-{1 + n % 12:02d}-{1 + n % 28:02d}")
        elif n % 4 == 0:
            lines.append(f"BDAY:--{1 + n % 12:02d}{1 + n % 28:02d}")
        if n % 5 == 0:
            lines.append(
                _fold(
                    f"NOTE:Met at the {n}th gathering\\, said to call about the "
                    "garden and the long trip we keep talking about."
                )
            )
        if n % 9 == 0:
            lines += [f"item1.X-ABDATE:20{n % 20:02d}-06-01", "item1.X-ABLabel:_$!<Anniversary>!$_"]
        if n % 10 == 0:
            lines.append(_fold(f"PHOTO;ENCODING=b;TYPE=JPEG:{PHOTO}"))
        lines.append("END:VCARD")
        out += lines
    return ("\r\n".join(out) + "\r\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--existing", type=int, default=300)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="nearer-bench-")
    os.environ["NEARER_DATA_DIR"] = data_dir
    # Importing the settings makes no secrets (the nearer command does): a throwaway pair.
    os.environ["NEARER_SECRET_KEY"] = secrets.token_urlsafe(48)
    os.environ["NEARER_PEPPER"] = secrets.token_urlsafe(48)
    os.environ.pop("NEARER_TESTING", None)
    os.environ.setdefault("NEARER_ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "nearer.settings"
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from nearer.accounts.services import user_sign_up
    from nearer.people.content import PersonDetails
    from nearer.people.models import ImportantDate, PendingImport, Person
    from nearer.people.services import people_create_many
    from nearer.people.vcard import parse_vcards
    from nearer.vault.box import Vault

    print(f"Data directory: {data_dir}", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    password = "a benchmark password 123"  # noqa: S105 (a throwaway account)
    new = user_sign_up(username="bench", password=password)
    vault = Vault(user_id=new.user.pk, dek=new.dek)
    existing = [f"{FIRST[n % len(FIRST)]} Known{n}" for n in range(args.existing)]
    people_create_many(
        user=new.user, vault=vault, people=[(PersonDetails(name=name), []) for name in existing]
    )
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "bench", "password": password})
    assert response.status_code == 302, "login failed"

    data = synthetic_file(args.cards, existing)
    rows: list[tuple[str, float, str]] = []

    began = time.perf_counter()
    parsed = parse_vcards(data)
    rows.append(
        (
            "Read the file alone (vobject)",
            time.perf_counter() - began,
            f"{len(parsed.cards):,} cards read, {len(parsed.problems):,} problems",
        )
    )

    def run(label: str) -> None:
        began = time.perf_counter()
        response = client.post(
            reverse("people:import"), {"file": SimpleUploadedFile("contacts.vcf", data)}
        )
        upload = time.perf_counter() - began
        assert response.status_code == 302, response.content[:300]
        preview_url = response["Location"]
        began = time.perf_counter()
        page = client.get(preview_url)
        preview = time.perf_counter() - began
        assert page.status_code == 200
        began = time.perf_counter()
        done = client.post(preview_url + "confirm/", {"all": "merge"})
        confirm = time.perf_counter() - began
        assert done.status_code == 302 and not PendingImport.objects.exists()
        rows.append((f"{label}: upload (read, sort, seal)", upload, f"{len(data) / 1e6:.1f} MB"))
        rows.append((f"{label}: preview page", preview, f"{len(page.content) / 1e3:,.0f} kB"))
        rows.append(
            (
                f"{label}: confirm, merging all",
                confirm,
                f"{Person.objects.count():,} people, {ImportantDate.objects.count():,} dates after",
            )
        )
        rows.append((f"{label}: total", upload + preview + confirm, ""))

    run("First import")
    run("Same file again (all duplicates)")

    print(f"\n### vCard import of {args.cards:,} contacts ({args.existing} people already there)\n")
    print(
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Django {django.get_version()}, "
        f"{connection.vendor}"
    )
    print("\n| step | seconds | notes |\n| --- | ---: | --- |")
    for label, seconds, note in rows:
        print(f"| {label} | {seconds:.2f} | {note} |")


if __name__ == "__main__":
    main()
