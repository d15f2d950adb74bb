"""Uploads held in memory only, capped: a person's file never rests on disk unsealed.

Django's default handlers write files over 2.5 MB to a temporary file; a contacts
file or a journal must not rest anywhere unsealed. ``MemoryOnlyUpload`` keeps the
upload in memory and stops it past ``max_bytes``. Used by every import page.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any, NoReturn

from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

__all__ = ["MemoryOnlyUpload", "megabytes", "upload_page"]

UploadView = Callable[[HttpRequest, "MemoryOnlyUpload"], HttpResponse]


def upload_page(
    max_bytes: Callable[[], int],
) -> Callable[[UploadView], Callable[[HttpRequest], HttpResponse]]:
    """Make ``view(request, handler)`` an upload page: logged in, GET or POST, the
    posted file kept in memory by ``handler`` (a MemoryOnlyUpload of ``max_bytes()``
    bytes, asked on each request: the page's own limit, which its tests lower).

    The handler must be in place before anything reads the body, and the CSRF check
    reads it: so the outer view is exempt, sets the handler, and then runs the view
    through the CSRF check itself.
    """

    def decorate(view: UploadView) -> Callable[[HttpRequest], HttpResponse]:
        checked = csrf_protect(require_http_methods(["GET", "HEAD", "POST"])(view))

        @csrf_exempt  # checked just below, once the upload handler is set
        @login_required
        @functools.wraps(view)
        def page(request: HttpRequest) -> HttpResponse:
            handler = MemoryOnlyUpload(request, max_bytes=max_bytes())
            if request.method == "POST":
                request.upload_handlers = [handler]
            response: HttpResponse = checked(request, handler)
            return response

        return page

    return decorate


def megabytes(size: int) -> str:
    """A size limit as the pages state it ("10 MB")."""
    return f"{size / (1024 * 1024):g} MB"


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
        """Stop the upload; the fields before the file (the CSRF token) are kept.

        The rest of the request is read and dropped here, 64 kB at a time, so the
        browser gets the page saying why instead of a reset connection. Django would
        read it line by line: 1.6 million calls, seconds, for 19 MB of empty cards.
        """
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
