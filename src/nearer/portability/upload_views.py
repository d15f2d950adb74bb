"""The part the jrnl and Daylio upload pages share: take the posted file, or say why not."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any
from uuid import UUID

from django import forms
from django.http import HttpRequest, HttpResponse

from nearer.accounts.current import current_user, current_vault
from nearer.lib.uploads import MemoryOnlyUpload, megabytes
from nearer.portability.import_files import UnreadableFile

Prepare = Callable[..., UUID]


def too_big_message(limit: int, advice: str) -> str:
    return (
        f"The file is larger than {megabytes(limit)}, so it was not read and nothing was "
        f"saved. {advice}"
    )


def upload_start(
    request: HttpRequest,
    handler: MemoryOnlyUpload,
    *,
    form_class: type[forms.Form],
    too_big_advice: str,
    prepare: Callable[..., Any],
    page: Callable[[Any], HttpResponse],
    preview: Callable[[UUID], HttpResponse],
) -> HttpResponse:
    """An upload page's GET (the empty form) and POST: read the posted file into a
    pending import with ``prepare`` and go to its ``preview``, or show the ``page``
    again with what was wrong (too big, not valid, a file that can't be read).
    Nothing is saved in either case but the pending import.
    """
    if request.method != "POST":
        return page(form_class())
    form = form_class(request.POST, request.FILES)
    valid = form.is_valid()
    if handler.too_big:
        form.errors.pop("file", None)
        form.add_error("file", too_big_message(handler.max_bytes, too_big_advice))
        return page(form)
    if not valid:
        return page(form)
    upload = form.cleaned_data["file"]
    upload.seek(0)
    data: IO[bytes] = upload.file
    try:
        import_id: UUID = prepare(
            user=current_user(request), vault=current_vault(request), data=data
        )
    except UnreadableFile as exc:
        form.add_error("file", exc.message)
        return page(form)
    return preview(import_id)
