"""jrnl import pages: choose the file, look at the preview, confirm or cancel.

The upload stays in memory (``MemoryOnlyUpload``) and is refused past
``MAX_UPLOAD_BYTES``; the file's entries and line length are capped while it is
read (``portability.jrnl``). All limits are stated on the upload page. A pending
import is always looked up with its owner, so another account's id is a 404.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.journal.content import first_words
from nearer.journal.rules import MAX_BODY, MAX_TAG, MAX_TAGS, MAX_TITLE
from nearer.lib.dates import short_date
from nearer.lib.uploads import MemoryOnlyUpload, megabytes, upload_page
from nearer.portability.jrnl import MAX_ENTRIES, MAX_LINE
from nearer.portability.jrnl_import import (
    SOURCE,
    STARRED_TAG,
    JrnlPreview,
    jrnl_apply,
    jrnl_prepare,
    jrnl_preview,
)
from nearer.portability.pending import ImportExpired, pending_discard
from nearer.portability.upload_views import upload_start
from nearer.vault.crypto import SealError

# Ten thousand entries of a page of text each fit well within it.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# How many new entries, and how many left out or changed, the preview lists.
ROWS_SHOWN = 20
PROBLEMS_SHOWN = 100

T = TypeVar("T")

EXPIRED = (
    "That preview is more than a day old, so it was put away and nothing was saved. "
    "Please choose the file again."
)
UNREADABLE = "That preview could not be opened, so nothing was saved. Please choose the file again."


class JrnlUploadForm(forms.Form):
    file = forms.FileField(
        label="jrnl journal or JSON export",
        help_text=(
            f"Up to {megabytes(MAX_UPLOAD_BYTES)} and {MAX_ENTRIES:,} entries in one file. "
            "Nothing is saved until you have seen what will be added."
        ),
        widget=forms.FileInput(attrs={"accept": ".txt,.json,.jrnl,text/plain,application/json"}),
        error_messages={
            "required": "Please choose your jrnl journal file or its JSON export.",
            "empty": "The file is empty.",
            "invalid": "The file could not be read. Please choose it again.",
        },
    )


@upload_page(lambda: MAX_UPLOAD_BYTES)
def jrnl_start(request: HttpRequest, handler: MemoryOnlyUpload) -> HttpResponse:
    """Show the upload form; read an uploaded file into a pending import."""
    return upload_start(
        request,
        handler,
        form_class=JrnlUploadForm,
        too_big_advice=(
            "Export a few years at a time (jrnl -from … -to … --export json) and import "
            "each file in turn."
        ),
        prepare=jrnl_prepare,
        page=lambda form: _upload_page(request, form),
        preview=lambda import_id: redirect("portability:jrnl_preview", jrnl_import_id=import_id),
    )


def _upload_page(request: HttpRequest, form: JrnlUploadForm) -> HttpResponse:
    return render(
        request,
        "portability/jrnl_upload.html",
        {
            "form": form,
            "max_size": megabytes(MAX_UPLOAD_BYTES),
            "max_entries": f"{MAX_ENTRIES:,}",
            "max_line": f"{MAX_LINE:,}",
            "max_body": f"{MAX_BODY:,}",
            "max_title": MAX_TITLE,
            "max_tags": MAX_TAGS,
            "max_tag": MAX_TAG,
            "starred_tag": STARRED_TAG,
        },
    )


def opened_or_refused(
    request: HttpRequest, *, source: str, import_id: UUID, start: str, open_it: Callable[[], T]
) -> T | HttpResponse:
    """Return ``open_it()``; when the pending import is too old or will not open, put
    it away and send the person back to ``start`` with a message saying why."""
    try:
        return open_it()
    except (ImportExpired, SealError) as exc:
        with contextlib.suppress(Http404):
            pending_discard(user=current_user(request), source=source, import_id=import_id)
        messages.warning(request, EXPIRED if isinstance(exc, ImportExpired) else UNREADABLE)
        return redirect(start)


@login_required
@require_safe
def jrnl_preview_page(request: HttpRequest, jrnl_import_id: UUID) -> HttpResponse:
    """Show what would be added, what is already there, and what was left out."""
    preview = opened_or_refused(
        request,
        source=SOURCE,
        import_id=jrnl_import_id,
        start="portability:jrnl",
        open_it=lambda: jrnl_preview(
            user=current_user(request), vault=current_vault(request), import_id=jrnl_import_id
        ),
    )
    if isinstance(preview, HttpResponse):
        return preview
    return _preview_page(request, preview)


def _preview_page(request: HttpRequest, preview: JrnlPreview) -> HttpResponse:
    rows = [
        {
            "day": short_date(e.day),
            "iso": e.day.isoformat(),
            "time": e.time,
            "title": e.title or first_words(e.body, 10),
            "tags": ", ".join(e.tags),
        }
        for e in preview.entries[:ROWS_SHOWN]
    ]
    return render(
        request,
        "portability/jrnl_preview.html",
        {
            "preview": preview,
            "kind": "JSON export" if preview.kind == "json" else "journal file",
            "new_count": len(preview.entries),
            "rows": rows,
            "more_new": max(0, len(preview.entries) - ROWS_SHOWN),
            "already": preview.already,
            "skipped": preview.skipped[:PROBLEMS_SHOWN],
            "skipped_count": len(preview.skipped),
            "changed": preview.changed[:PROBLEMS_SHOWN],
            "changed_count": len(preview.changed),
        },
    )


@login_required
@require_POST
def jrnl_confirm(request: HttpRequest, jrnl_import_id: UUID) -> HttpResponse:
    """Save every new entry, all or nothing, and say how many."""
    try:
        added = opened_or_refused(
            request,
            source=SOURCE,
            import_id=jrnl_import_id,
            start="portability:jrnl",
            open_it=lambda: jrnl_apply(
                user=current_user(request), vault=current_vault(request), import_id=jrnl_import_id
            ),
        )
    except ValidationError as exc:
        # Checked when the file was read; only a day that has since gone out of range.
        messages.error(request, "Nothing was saved. " + " ".join(exc.messages))
        return redirect("portability:jrnl_preview", jrnl_import_id=jrnl_import_id)
    if isinstance(added, HttpResponse):
        return added
    messages.success(request, f"Import done: {_entries(added)} added to your journal.")
    return redirect("journal:index")


def _entries(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


@login_required
@require_POST
def jrnl_cancel(request: HttpRequest, jrnl_import_id: UUID) -> HttpResponse:
    """Throw the pending import away; nothing was saved."""
    pending_discard(user=current_user(request), source=SOURCE, import_id=jrnl_import_id)
    messages.info(request, "Import cancelled. Nothing was saved.")
    return redirect("portability:jrnl")


__all__ = [
    "JrnlUploadForm",
    "jrnl_cancel",
    "jrnl_confirm",
    "jrnl_preview_page",
    "jrnl_start",
    "opened_or_refused",
]
