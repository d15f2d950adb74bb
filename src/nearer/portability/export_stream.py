"""The export as a zip made while it downloads.

``export_chunks`` is a generator of bytes for a StreamingHttpResponse: the zip is
written into a small in-memory sink that is emptied every time it holds
``FLUSH_BYTES``, so neither the zip nor the JSON is ever whole in memory and
nothing is written to the server's disk. Python's zipfile (and pyzipper, its
AES fork) writes to a stream it cannot seek by putting each file's sizes after
its data, which every unzip tool reads.

With a passphrase the download is an AES-256 encrypted zip (WinZip AE-2, which
7-Zip, Keka, WinZip and ``7z x`` open) holding the export's zip; without one it is
the plain zip, and its README says so.
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
# Writes gathered before they go into the zip.
BATCH_BYTES = 64 * 1024
# Deflate's fastest level: on the ten-year demo a third of level 6's time for a zip
# about a fifth larger (docs/benchmarks.md, "Export").
LEVEL = 1


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


class _Batched:
    """Gathers small writes (a CSV line, a JSON row) into one write of BATCH_BYTES: the
    zip's per-write cost (CRC, compressor, encryption) is paid per batch, not per row."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._parts.append(data)
        self._size += len(data)
        if self._size >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._out.write(b"".join(self._parts))
            self._parts.clear()
            self._size = 0


def _write_files(request: ExportRequest, archive: zipfile.ZipFile, sink: _Sink) -> Iterator[bytes]:
    """Write every file of the export into ``archive``, yielding the sink's bytes as
    they gather."""
    user, vault = request.user, request.vault
    stamp = request.exported_at.astimezone(UTC)

    def entry(name: str) -> IO[bytes]:
        # force_zip64: the size is unknown until written, and a long life may pass 2 GB.
        return archive.open(name, "w", force_zip64=True)

    def drain() -> Iterator[bytes]:
        if sink.size >= FLUSH_BYTES:
            yield sink.take()

    def lines(name: str, texts: Iterator[str]) -> Iterator[bytes]:
        with entry(name) as out:
            batched = _Batched(out)
            for text in texts:
                batched.write(text)
                if sink.size >= FLUSH_BYTES:
                    yield sink.take()
            batched.flush()
        yield from drain()

    gathered = data.Gathered()
    yield from lines(data.JSON_NAME, _json_document(request, gathered))
    # The other files read the rows again (one at a time) rather than keep them.
    again = data.Gathered()
    people = list(data.people_items(user=user, vault=vault, gathered=again))
    names = {str(p["id"]): str(p["called"] or p["name"]) for p in people}
    taken: set[str] = set()
    for item in data.journal_items(user=user, vault=vault, gathered=again):
        with entry(files.entry_file_name(item, taken)) as out:
            out.write(files.entry_markdown(item).encode("utf-8"))
        yield from drain()
    yield from lines(
        "check-ins.csv",
        files.checkins_csv(data.checkin_items(user=user, vault=vault, gathered=again), names),
    )
    yield from lines(
        "scale-results.csv",
        files.scales_csv(data.scale_result_items(user=user, vault=vault, gathered=again)),
    )
    yield from lines(
        "moments.csv",
        files.moments_csv(data.moment_items(user=user, vault=vault, gathered=again), names),
    )
    yield from lines("people.vcf", (files.person_vcard(person) for person in people))
    with entry("important-dates.ics") as out:
        out.write(files.dates_ics(people, stamp=stamp))
    readme = files.readme(
        encrypted=bool(request.passphrase),
        written=gathered.written,
        unreadable=gathered.unreadable,
        kinds=data.KINDS,
        exported_at=stamp,
    )
    with entry("README.txt") as out:
        out.write(readme.replace("\n", "\r\n").encode("utf-8"))
    yield from drain()


def export_chunks(request: ExportRequest) -> Iterator[bytes]:
    """Yield the zip's bytes, in chunks of about FLUSH_BYTES, as it is made.

    Without a passphrase: the export's zip itself. With one: an AES-256 zip holding
    that zip as ``INNER_NAME`` (and a README saying so). One encrypted file rather than
    every file encrypted: the format derives a key for each file it encrypts (PBKDF2,
    some milliseconds each), which for ten thousand journal files is longer than the
    whole export; and the inner file names (days a person wrote) are hidden too.
    """
    check_vault(request.user, request.vault)
    sink = _Sink()
    if not request.passphrase:
        plain = zipfile.ZipFile(
            cast(IO[bytes], sink), "w", compression=zipfile.ZIP_DEFLATED, compresslevel=LEVEL
        )
        with plain:
            yield from _write_files(request, plain, sink)
        yield sink.take()
        return
    outer = pyzipper.AESZipFile(
        sink, "w", compression=zipfile.ZIP_STORED, encryption=pyzipper.WZ_AES
    )
    outer.setpassword(request.passphrase.encode("utf-8"))
    outer.setencryption(pyzipper.WZ_AES, nbits=256)
    with outer:
        # The inner zip is already compressed: stored as it is, encrypted as it streams.
        with outer.open(data.INNER_NAME, "w", force_zip64=True) as member:
            inner = zipfile.ZipFile(
                member, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=LEVEL
            )
            with inner:
                yield from _write_files(request, inner, sink)
        with outer.open("README.txt", "w") as out:
            out.write(files.outer_readme().replace("\n", "\r\n").encode("utf-8"))
    yield sink.take()
