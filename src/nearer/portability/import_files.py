"""Reading an uploaded file for the jrnl and Daylio imports: in memory, capped, line by line.

``MemoryOnlyUpload`` (lib/uploads.py) keeps the upload in memory (never a temporary
file: a journal must not rest anywhere unsealed) and stops it past ``max_bytes``. ``text_lines``
reads the file as UTF-8 text one line at a time, refusing a line longer than
``max_line`` characters before it is held whole, so a file of one endless line
costs no more than the cap.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO

from nearer.lib.uploads import MemoryOnlyUpload, megabytes

# MemoryOnlyUpload and megabytes are lib's, here too so the import pages take
# everything of an upload from one place.
__all__ = ["MemoryOnlyUpload", "UnreadableFile", "megabytes", "text_lines"]


class UnreadableFile(Exception):
    """The file cannot be imported at all; ``message`` says why, for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text_lines(data: bytes | IO[bytes], *, max_line: int) -> Iterator[str]:
    """Yield the lines of ``data`` decoded as UTF-8 (a byte-order mark is dropped),
    without their line ends.

    Raises UnreadableFile when the bytes are not UTF-8 text, hold a NUL (a binary
    file), or a line is longer than ``max_line`` characters.
    """
    stream: IO[bytes] = io.BytesIO(data) if isinstance(data, bytes) else data
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    number = 0
    # Read at most this many bytes of one line: a UTF-8 character is up to 4 bytes.
    cap = max_line * 4 + 2
    while True:
        raw = stream.readline(cap)
        if not raw:
            break
        number += 1
        if len(raw) >= cap and not raw.endswith(b"\n"):
            raise _too_long(number, max_line)
        try:
            line = decoder.decode(raw)
        except UnicodeDecodeError:
            raise UnreadableFile(
                f"Line {number:,} is not plain text (UTF-8), so the file was not read and "
                "nothing was saved. Please export it again as text."
            ) from None
        if "\x00" in line:
            raise UnreadableFile(
                "This looks like a binary file rather than text, so it was not read and "
                "nothing was saved."
            )
        line = line.rstrip("\r\n")
        if len(line) > max_line:
            raise _too_long(number, max_line)
        yield line
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UnreadableFile(
            "The file ends part-way through a character, so it was not read and nothing "
            "was saved. Please export it again."
        ) from None


def _too_long(number: int, max_line: int) -> UnreadableFile:
    return UnreadableFile(
        f"Line {number:,} is longer than {max_line:,} characters, more than one entry can "
        "hold, so the file was not read and nothing was saved."
    )
