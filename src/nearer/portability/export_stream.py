"""The export as a zip made while it downloads.

``export_chunks`` is a generator of bytes for a StreamingHttpResponse: the zip is
written into a small in-memory sink that is emptied every time it holds
``FLUSH_BYTES``, so neither the zip nor the JSON is ever whole in memory and
nothing is written to the server's disk. Python's zipfile (and pyzipper, its
AES fork) writes to a stream it cannot seek by putting each file's sizes after
its data, which every unzip tool reads.

With a passphrase the zip is AES-256 encrypted (WinZip AE-2, the scheme of
7-Zip, Keka, WinZip and ``7z x``), every file in it; without one it is a plain
zip, and the README says so.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any, cast

import pyzipper

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.portability import export_data as data
from nearer.portability import export_files as files
from nearer.vault.box import Vault

# Bytes gathered before they go to the browser: a few network packets' worth.
FLUSH_BYTES = 256 * 1024
# Passphrase limits, stated on the export page. Twelve characters of a passphrase
# are the floor for a file that may travel; the ceiling only keeps a form sane.
MIN_PASSPHRASE = 12
MAX_PASSPHRASE = 1024


class _Sink:
    """A write-only file for zipfile that hands its bytes on in chunks."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self.size = 0

    def write(self, chunk: bytes) -> int:
        self._parts.append(bytes(chunk))
        self.size += len(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return out


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Who is exporting, with which vault, at what moment, with what passphrase."""

    user: User
    vault: Vault
    exported_at: datetime
    passphrase: str = ""


def export_file_name(exported_at: datetime) -> str:
    """``nearer-export-YYYY-MM-DD.zip``."""
    return f"nearer-export-{exported_at:%Y-%m-%d}.zip"


def _json_document(request: ExportRequest, gathered: data.Gathered) -> Iterator[str]:
    """The JSON file in pieces: one piece per row, written as it is read."""
    user, vault = request.user, request.vault
    dumps = json.JSONEncoder(ensure_ascii=False, indent=None, separators=(",", ":")).encode
    head = {
        "format": data.FORMAT,
        "version": data.VERSION,
        "exported_at": request.exported_at.isoformat(),
        "account": {"username": user.get_username(), "email": user.email},
        "preferences": data.preferences_item(user=user, vault=vault),
    }
    yield dumps(head)[:-1]  # the object stays open: the lists follow
    lists: tuple[tuple[str, Callable[..., Iterator[dict[str, Any]]]], ...] = (
        ("people", data.people_items),
        ("journal", data.journal_items),
        ("checkins", data.checkin_items),
        ("scale_results", data.scale_result_items),
        ("moments", data.moment_items),
        ("shares", data.share_items),
        ("deck_sessions", data.deck_session_items),
    )
    for key, reader in lists:
        yield f',\n"{key}":['
        first = True
        for item in reader(user=user, vault=vault, gathered=gathered):
            yield ("\n" if first else ",\n") + dumps(item)
            first = False
        yield "]"
    yield ',\n"deck":' + dumps(data.deck_item(user=user, vault=vault, gathered=gathered))
    yield ',\n"unreadable":' + dumps(dict(sorted(gathered.unreadable.items()))) + "}\n"


def export_chunks(request: ExportRequest) -> Iterator[bytes]:
    """Yield the zip's bytes, in chunks of about FLUSH_BYTES, as it is made."""
    check_vault(request.user, request.vault)
    user, vault = request.user, request.vault
    sink = _Sink()
    archive: zipfile.ZipFile
    if request.passphrase:
        aes = pyzipper.AESZipFile(
            sink, "w", compression=zipfile.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        )
        aes.setpassword(request.passphrase.encode("utf-8"))
        aes.setencryption(pyzipper.WZ_AES, nbits=256)
        archive = cast(zipfile.ZipFile, aes)  # a zipfile.ZipFile subclass, untyped
    else:
        archive = zipfile.ZipFile(cast(IO[bytes], sink), "w", compression=zipfile.ZIP_DEFLATED)
    stamp = request.exported_at.astimezone(UTC)

    def entry(name: str) -> IO[bytes]:
        # By name, not ZipInfo: pyzipper's writer takes names only. force_zip64: the
        # size is unknown until written, and a long life may pass 2 GB.
        return archive.open(name, "w", force_zip64=True)

    def drain() -> Iterator[bytes]:
        if sink.size >= FLUSH_BYTES:
            yield sink.take()

    gathered = data.Gathered()
    with archive:
        with entry(data.JSON_NAME) as out:
            for piece in _json_document(request, gathered):
                out.write(piece.encode("utf-8"))
                yield from drain()
        # The other files read the rows again (one at a time) rather than keep them.
        again = data.Gathered()
        people = list(data.people_items(user=user, vault=vault, gathered=again))
        names = {str(p["id"]): str(p["called"] or p["name"]) for p in people}
        taken: set[str] = set()
        for item in data.journal_items(user=user, vault=vault, gathered=again):
            with entry(files.entry_file_name(item, taken)) as out:
                out.write(files.entry_markdown(item).encode("utf-8"))
            yield from drain()
        with entry("check-ins.csv") as out:
            items = data.checkin_items(user=user, vault=vault, gathered=again)
            for line in files.checkins_csv(items, names):
                out.write(line.encode("utf-8"))
                yield from drain()
        with entry("scale-results.csv") as out:
            results = data.scale_result_items(user=user, vault=vault, gathered=again)
            for line in files.scales_csv(results):
                out.write(line.encode("utf-8"))
                yield from drain()
        with entry("moments.csv") as out:
            moments = data.moment_items(user=user, vault=vault, gathered=again)
            for line in files.moments_csv(moments, names):
                out.write(line.encode("utf-8"))
                yield from drain()
        with entry("people.vcf") as out:
            for person in people:
                out.write(files.person_vcard(person).encode("utf-8"))
            yield from drain()
        with entry("important-dates.ics") as out:
            out.write(files.dates_ics(people, stamp=stamp))
        with entry("README.txt") as out:
            text = files.readme(
                encrypted=bool(request.passphrase),
                written=gathered.written,
                unreadable=gathered.unreadable,
                kinds=data.KINDS,
                exported_at=stamp,
            )
            out.write(text.replace("\n", "\r\n").encode("utf-8"))
    yield sink.take()
