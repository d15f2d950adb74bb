"""Reading an uploaded file for the jrnl and Daylio imports: in memory, capped, line by line.

``MemoryOnlyUpload`` keeps the upload in memory (never a temporary file: a journal
must not rest anywhere unsealed) and stops it past ``max_bytes``. ``text_lines``
reads the file as UTF-8 text one line at a time, refusing a line longer than
``max_line`` characters before it is held whole, so a file of one endless line
costs no more than the cap.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO, Any, NoReturn

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

__all__ = ["MemoryOnlyUpload", "UnreadableFile", "megabytes", "text_lines"]


class UnreadableFile(Exception):
    """The file cannot be imported at all; ``message`` says why, for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


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


class MemoryOnlyUpload(FileUploadHandler):
    """Keeps an uploaded file in memory up to ``max_bytes`` and never on disk.

    Past the limit the upload is stopped (the rest of the request is read and
    dropped, so the browser gets the page saying why instead of a reset connection)
    and ``too_big`` is set.
    """

    def __init__(self, request: HttpRequest, *, max_bytes: int) -> None:
        super().__init__(request)
        self._request = request
        self.max_bytes = max_bytes
        self.too_big = False
        self._buffer: io.BytesIO | None = None

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        # A request far larger than the limit cannot hold an acceptable file.
        if content_length > self.max_bytes + 1024 * 1024:
            self.too_big = True

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        if self.too_big:
            self._refuse()
        self._buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if self._buffer is None:
            return None
        if self._buffer.tell() + len(raw_data) > self.max_bytes:
            self.too_big = True
            self._buffer = None
            self._refuse()
        self._buffer.write(raw_data)
        return None

    def _refuse(self) -> NoReturn:
        # Read in large blocks: Django would read the rest line by line.
        while self._request.read(64 * 1024):
            pass
        raise StopUpload(connection_reset=False)

    def file_complete(self, file_size: int) -> InMemoryUploadedFile | None:
        if self._buffer is None:
            return None
        self._buffer.seek(0)
        return InMemoryUploadedFile(
            file=self._buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
