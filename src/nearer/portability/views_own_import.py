"""Import pages for Nearer's own export: choose the file, look at the preview, confirm
or cancel.

The upload stays in memory (``MemoryOnlyUpload``) and is refused past
``MAX_UPLOAD_BYTES``; the JSON inside a zip is read up to ``MAX_JSON_BYTES`` and
``MAX_ITEMS`` items (``nearer_import``). The limits are stated on the upload page.
A pending import is always looked up with its owner and source, so another
account's id is a 404.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.portability.import_files import MemoryOnlyUpload, megabytes
from nearer.portability.nearer_import import (
    MAX_ITEMS,
    MAX_JSON_BYTES,
    MAX_PASSPHRASE,
    MAX_UPLOAD_BYTES,
    SOURCE,
    NotAnExport,
    import_apply,
    import_prepare,
    preview_counts,
)
from nearer.portability.pending import pending_discard, pending_open
from nearer.portability.views_jrnl import opened_or_refused

START = "portability:nearer_import"


class NearerImportForm(forms.Form):
    file = forms.FileField(
        label="Nearer export (zip or JSON)",
        help_text=(
            f"Up to {megabytes(MAX_UPLOAD_BYTES)}. Nothing is saved until you have seen what "
            "will be added."
        ),
        widget=forms.FileInput(attrs={"accept": ".zip,.json,application/zip,application/json"}),
        error_messages={
            "required": "Please choose the export's zip or its nearer-export.json.",
            "empty": "The file is empty.",
            "invalid": "The file could not be read. Please choose it again.",
        },
    )
    passphrase = forms.CharField(
        label="Passphrase (for an encrypted zip)",
        help_text="Only when the export was made with a passphrase.",
        required=False,
        strip=False,
        max_length=MAX_PASSPHRASE,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        error_messages={
            "max_length": f"A passphrase is at most {MAX_PASSPHRASE:,} characters.",
        },
    )


@csrf_exempt  # The upload handler must be set before CSRF reads the body; checked below.
@sensitive_post_parameters("passphrase")
@login_required
def nearer_import_start(request: HttpRequest) -> HttpResponse:
    """Show the upload form; read an uploaded export into a pending import."""
    handler = MemoryOnlyUpload(request, max_bytes=MAX_UPLOAD_BYTES)
    if request.method == "POST":
        request.upload_handlers = [handler]
    return _start(request, handler)


@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def _start(request: HttpRequest, handler: MemoryOnlyUpload) -> HttpResponse:
    if request.method != "POST":
        return _upload_page(request, NearerImportForm())
    form = NearerImportForm(request.POST, request.FILES)
    valid = form.is_valid()
    if handler.too_big:
        form.errors.pop("file", None)
        form.add_error(
            "file",
            f"The file is larger than {megabytes(MAX_UPLOAD_BYTES)}, so it was not read and "
            "nothing was saved.",
        )
        return _upload_page(request, form)
    if not valid:
        return _upload_page(request, form)
    upload = form.cleaned_data["file"]
    upload.seek(0)
    try:
        pending = import_prepare(
            user=current_user(request),
            vault=current_vault(request),
            raw=upload.read(),
            passphrase=form.cleaned_data["passphrase"] or "",
        )
    except NotAnExport as exc:
        form.add_error("file", f"{exc} Nothing was saved.")
        return _upload_page(request, form)
    return redirect("portability:nearer_import_preview", nearer_import_id=pending.id)


def _upload_page(request: HttpRequest, form: NearerImportForm) -> HttpResponse:
    return render(
        request,
        "portability/nearer_import_upload.html",
        {
            "form": form,
            "max_size": megabytes(MAX_UPLOAD_BYTES),
            "max_json": megabytes(MAX_JSON_BYTES),
            "max_items": f"{MAX_ITEMS:,}",
        },
    )


@login_required
@require_safe
def nearer_import_preview(request: HttpRequest, nearer_import_id: UUID) -> HttpResponse:
    """Show how many of each kind would be added and how many are already here."""
    opened = opened_or_refused(
        request,
        source=SOURCE,
        import_id=nearer_import_id,
        start=START,
        open_it=lambda: pending_open(
            user=current_user(request),
            vault=current_vault(request),
            source=SOURCE,
            import_id=nearer_import_id,
        ),
    )
    if isinstance(opened, HttpResponse):
        return opened
    value: Any = opened.value
    opened_value = value if isinstance(value, dict) else {}
    rows = preview_counts(opened_value)
    left_out = opened_value.get("left_out", {})
    return render(
        request,
        "portability/nearer_import_preview.html",
        {
            "import_id": nearer_import_id,
            "rows": rows,
            "new_total": sum(row.new for row in rows),
            "moments_left_out": int(left_out.get("moments", 0))
            if isinstance(left_out, dict)
            else 0,
        },
    )


@login_required
@require_POST
def nearer_import_confirm(request: HttpRequest, nearer_import_id: UUID) -> HttpResponse:
    """Add everything new, all or nothing, and say how much."""
    try:
        added = opened_or_refused(
            request,
            source=SOURCE,
            import_id=nearer_import_id,
            start=START,
            open_it=lambda: import_apply(
                user=current_user(request), vault=current_vault(request), import_id=nearer_import_id
            ),
        )
    except ValidationError as exc:
        # The file was checked when it was read; an app's own rule can still refuse
        # (a day now out of range, a person's dates full): nothing was saved.
        messages.error(request, "Nothing was saved. " + " ".join(exc.messages))
        return redirect("portability:nearer_import_preview", nearer_import_id=nearer_import_id)
    if isinstance(added, HttpResponse):
        return added
    messages.success(request, f"Import done: {added.total:,} item{'s' * (added.total != 1)} added.")
    return redirect("portability:index")


@login_required
@require_POST
def nearer_import_cancel(request: HttpRequest, nearer_import_id: UUID) -> HttpResponse:
    """Throw the pending import away; nothing was saved."""
    pending_discard(user=current_user(request), source=SOURCE, import_id=nearer_import_id)
    messages.info(request, "Import cancelled. Nothing was saved.")
    return redirect(START)


__all__ = [
    "NearerImportForm",
    "nearer_import_cancel",
    "nearer_import_confirm",
    "nearer_import_preview",
    "nearer_import_start",
]
