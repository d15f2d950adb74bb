"""Import pages: choose a contacts file, look at the preview, confirm or cancel.

The upload is held in memory only (``MemoryOnlyUpload``; never a temporary file)
and refused past ``MAX_UPLOAD_BYTES``; a file of more than ``MAX_CARDS`` contacts is
refused too. Both limits are stated on the upload page. A pending import is always
looked up with its owner, so someone else's id is a 404.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.lib.uploads import MemoryOnlyUpload, megabytes, upload_page
from nearer.people.forms import ImportChoicesForm
from nearer.people.import_rows import match_rows, problem_rows
from nearer.people.imports import (
    MAX_CARDS,
    ImportConflict,
    ImportExpired,
    NotAContactsFile,
    PendingPreview,
    import_apply,
    import_discard,
    import_prepare,
    pending_import_get,
)
from nearer.people.rules import MAX_DATES
from nearer.people.vcard import (
    MAX_FILE_DATES,
    MAX_LINE,
    MAX_NAME,
    MAX_NICKNAME,
    MAX_NOTE,
)
from nearer.vault.crypto import SealError

# Phones put photos in their exports (skipped unread, but they arrive): 10 MB holds
# thousands of contacts with small photos. What costs time is the number of cards,
# capped at MAX_CARDS while the file is read.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# How many new names the preview lists before "and N more".
NEW_NAMES_SHOWN = 50
# How many possible duplicates are listed to decide one by one, and how many cards
# that could not be read are listed. The rest are counted; unlisted duplicates follow
# the choice for all (skipped unless "Merge them all"). One by one beyond a couple of
# hundred is not a choice anyone makes, and a form of thousands of radio groups is a
# page of megabytes that Django refuses to read back (DATA_UPLOAD_MAX_NUMBER_FIELDS).
MATCHES_SHOWN = 200
PROBLEMS_SHOWN = 200


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Contacts file (.vcf)",
        help_text=(
            "On a phone, export or share your contacts as a vCard file. Up to "
            f"{megabytes(MAX_UPLOAD_BYTES)} and {MAX_CARDS:,} contacts in one file. "
            "Nothing is saved until you have seen what will be added."
        ),
        widget=forms.FileInput(attrs={"accept": ".vcf,.vcard,text/vcard,text/x-vcard"}),
        error_messages={
            "required": "Please choose a contacts file (.vcf).",
            "empty": "The file is empty.",
            "invalid": "The file could not be read. Please choose it again.",
        },
    )


@upload_page(lambda: MAX_UPLOAD_BYTES)
def import_start(request: HttpRequest, handler: MemoryOnlyUpload) -> HttpResponse:
    """Show the upload form; read an uploaded file into a pending import."""
    if request.method != "POST":
        return _upload_page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    valid = form.is_valid()
    if handler.too_big:
        # The file was dropped while it arrived; say why rather than "choose a file".
        form.errors.pop("file", None)
        form.add_error(
            "file",
            f"The file is larger than {megabytes(MAX_UPLOAD_BYTES)}, so it was not read and "
            "nothing was saved. Export fewer contacts at a time (for example one group), "
            "or without their photos, and import each file in turn.",
        )
        return _upload_page(request, form)
    if not valid:
        return _upload_page(request, form)
    upload = form.cleaned_data["file"]
    upload.seek(0)
    try:
        # The file itself, read as a stream: no copy of its bytes is made.
        pending = import_prepare(
            user=current_user(request), vault=current_vault(request), data=upload.file
        )
    except NotAContactsFile as exc:
        form.add_error("file", exc.message)
        return _upload_page(request, form)
    return redirect("people:import_preview", import_id=pending.id)


def _upload_page(request: HttpRequest, form: UploadForm) -> HttpResponse:
    return render(
        request,
        "people/import_upload.html",
        {
            "form": form,
            "max_size": megabytes(MAX_UPLOAD_BYTES),
            "max_cards": f"{MAX_CARDS:,}",
            "max_dates": MAX_DATES,
            "max_file_dates": f"{MAX_FILE_DATES:,}",
            "max_name": MAX_NAME,
            "max_nickname": MAX_NICKNAME,
            "max_note": f"{MAX_NOTE:,}",
            "max_line": f"{MAX_LINE // 1024} kB",
        },
    )


def _refused(request: HttpRequest, import_id: UUID, message: str) -> HttpResponse:
    """Put a pending import away that cannot go on, and say why on the upload page."""
    with contextlib.suppress(Http404):
        import_discard(user=current_user(request), import_id=import_id)
    messages.warning(request, message)
    return redirect("people:import")


_EXPIRED = (
    "That preview is more than a day old, so it was put away and nothing was saved. "
    "Please choose the file again."
)
_UNREADABLE = (
    "That preview could not be opened, so nothing was saved. Please choose the file again."
)


def _open(request: HttpRequest, import_id: UUID) -> PendingPreview | HttpResponse:
    try:
        return pending_import_get(
            user=current_user(request), vault=current_vault(request), import_id=import_id
        )
    except ImportExpired:
        return _refused(request, import_id, _EXPIRED)
    except SealError:
        return _refused(request, import_id, _UNREADABLE)


@login_required
@require_safe
def import_preview(request: HttpRequest, import_id: UUID) -> HttpResponse:
    """Show who will be added, who looks like someone already there, and what failed."""
    preview = _open(request, import_id)
    if isinstance(preview, HttpResponse):
        return preview
    return _preview_page(request, preview, ImportChoicesForm(auto_id=False))


def _preview_page(
    request: HttpRequest, preview: PendingPreview, choices: ImportChoicesForm
) -> HttpResponse:
    """The preview page, with ``choices`` unbound (first visit) or as answered."""
    new_names = [preview.cards[i].name for i in preview.new[:NEW_NAMES_SHOWN]]
    # Only the first rows are built; the builders are given a preview cut short.
    listed = replace(preview, matches=preview.matches[:MATCHES_SHOWN])
    return render(
        request,
        "people/import_preview.html",
        {
            "preview": preview,
            "new_count": len(preview.new),
            "new_names": new_names,
            "more_new": max(0, len(preview.new) - NEW_NAMES_SHOWN),
            "match_count": len(preview.matches),
            "match_rows": match_rows(listed),
            "more_matches": max(0, len(preview.matches) - MATCHES_SHOWN),
            "match_rows_count": len(listed.matches),
            "problem_count": preview.skipped_problems,
            # Read, with a part left out: listed with the cards not read, counted apart.
            "partly_count": sum(
                1 for problem in preview.problems if problem.number and not problem.skipped
            ),
            "problem_rows": problem_rows(preview.problems[:PROBLEMS_SHOWN]),
            "more_problems": max(0, len(preview.problems) - PROBLEMS_SHOWN),
            "has_problems": bool(preview.problems),
            "choices": choices,
            "max_dates": MAX_DATES,
        },
    )


def _merge_choices(request: HttpRequest, preview: PendingPreview, everything: str) -> set[int]:
    """Return the card indexes chosen for merging (``everything`` is the form's answer
    for all); a duplicate's own answer other than "merge" means skip."""
    if everything == "merge":
        return {m.card for m in preview.matches}
    if everything == "skip":
        return set()
    return {m.card for m in preview.matches if request.POST.get(f"m{m.card}") == "merge"}


@login_required
@require_POST
def import_confirm(request: HttpRequest, import_id: UUID) -> HttpResponse:
    """Save the import as chosen, all or nothing, and say what happened.

    An answer that is not one of the form's choices shows the preview again with
    the form's message; nothing is saved then.
    """
    preview = _open(request, import_id)
    if isinstance(preview, HttpResponse):
        return preview
    choices = ImportChoicesForm.answered(request.POST)
    if not choices.is_valid():
        return _preview_page(request, preview, choices)
    answers = choices.cleaned_data
    try:
        result = import_apply(
            user=current_user(request),
            vault=current_vault(request),
            import_id=import_id,
            merge=_merge_choices(request, preview, answers["all"]),
            circle=answers["circle"],
            relationship=answers["relationship"],
        )
    except ImportExpired:
        return _refused(request, import_id, _EXPIRED)
    except SealError:
        return _refused(request, import_id, _UNREADABLE)
    except ImportConflict:
        return _refused(
            request,
            import_id,
            "Someone you chose to merge with was changed or deleted since the preview, "
            "so nothing was saved. Please choose the file again.",
        )
    except ValidationError as exc:
        # The form has checked the choices; what is left is a card the rules refuse.
        messages.error(request, "Nothing was saved. " + " ".join(exc.messages))
        return redirect("people:import_preview", import_id=import_id)
    messages.success(
        request,
        f"Import done: {_people(result.added)} added, {_people(result.merged)} merged, "
        f"{result.skipped} skipped"
        + (f", {result.unreadable} could not be read." if result.unreadable else ".")
        + _left_out(result.dates_left_out),
    )
    return redirect("people:index")


def _left_out(dates: int) -> str:
    if not dates:
        return ""
    were = "1 date was" if dates == 1 else f"{dates:,} dates were"
    return f" {were} left out: a person can have up to {MAX_DATES} dates."


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


@login_required
@require_POST
def import_cancel(request: HttpRequest, import_id: UUID) -> HttpResponse:
    """Throw the pending import away; nothing was saved."""
    import_discard(user=current_user(request), import_id=import_id)
    messages.info(request, "Import cancelled. Nothing was saved.")
    return redirect("people:import")
