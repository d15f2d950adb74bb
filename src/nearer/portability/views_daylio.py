"""Daylio import pages: choose the CSV, map moods and choose where notes go, confirm or cancel.

The upload stays in memory and is refused past ``MAX_UPLOAD_BYTES``; rows, moods
and line length are capped while it is read (``portability.daylio``). All limits
are stated on the upload page. A pending import is always looked up with its
owner, so another account's id is a 404.
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
from django.views.decorators.http import require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.checkins.content import EMOTION_BY_KEY, MAX_NOTE, PLEASANTNESS, PLEASANTNESS_WORDS
from nearer.journal.content import first_words
from nearer.journal.rules import MAX_TAG, MAX_TAGS
from nearer.lib.dates import short_date
from nearer.lib.uploads import MemoryOnlyUpload, megabytes, upload_page
from nearer.portability.daylio import MAX_LINE, MAX_MOODS, MAX_ROWS
from nearer.portability.daylio_import import (
    SKIP,
    SOURCE,
    WORD_FOR,
    DaylioPreview,
    Mood,
    daylio_apply,
    daylio_prepare,
    daylio_preview,
)
from nearer.portability.pending import pending_discard
from nearer.portability.upload_views import upload_start
from nearer.portability.views_jrnl import opened_or_refused

# Years of daily rows with notes fit well within it.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ROWS_SHOWN = 20
PROBLEMS_SHOWN = 100
NOTE_WORDS = 12

_STEPS = [(str(value), words) for value, words in reversed(PLEASANTNESS)]


class DaylioUploadForm(forms.Form):
    file = forms.FileField(
        label="Daylio export (.csv)",
        help_text=(
            f"Up to {megabytes(MAX_UPLOAD_BYTES)} and {MAX_ROWS:,} rows in one file. "
            "Nothing is saved until you have seen what will be added."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": "Please choose your Daylio export (.csv).",
            "empty": "The file is empty.",
            "invalid": "The file could not be read. Please choose it again.",
        },
    )


class DaylioChoicesForm(forms.Form):
    """A pleasantness (or "leave out") for each mood found, and where notes go."""

    notes = forms.ChoiceField(
        label="Notes",
        choices=[
            ("checkin", "As the check-in's note"),
            ("journal", "As a journal entry of that day"),
        ],
        initial="checkin",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose where notes go.",
            "invalid_choice": "Please choose where notes go.",
        },
    )

    def __init__(self, *args: Any, moods: tuple[Mood, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.moods = moods
        for index, mood in enumerate(moods):
            self.fields[f"mood_{index}"] = forms.ChoiceField(
                label=mood.name,
                choices=[*_STEPS, (SKIP, "Leave these out")],
                initial=str(mood.default if mood.default is not None else 0),
                error_messages={
                    "required": f"Please choose a feeling for “{mood.name}”.",
                    "invalid_choice": f"Please choose a listed feeling for “{mood.name}”.",
                },
            )

    def mood_rows(self) -> list[dict[str, Any]]:
        return [
            {"mood": mood, "field": self[f"mood_{index}"]} for index, mood in enumerate(self.moods)
        ]

    def mapping(self) -> dict[str, int | None]:
        """The cleaned answer as ``daylio_apply`` takes it."""
        return {
            mood.key: None
            if self.cleaned_data[f"mood_{index}"] == SKIP
            else int(self.cleaned_data[f"mood_{index}"])
            for index, mood in enumerate(self.moods)
        }


@upload_page(lambda: MAX_UPLOAD_BYTES)
def daylio_start(request: HttpRequest, handler: MemoryOnlyUpload) -> HttpResponse:
    """Show the upload form; read an uploaded export into a pending import."""
    return upload_start(
        request,
        handler,
        form_class=DaylioUploadForm,
        too_big_advice=(
            "Please split it into smaller files, each starting with the line of column "
            "names, and import each in turn."
        ),
        prepare=daylio_prepare,
        page=lambda form: _upload_page(request, form),
        preview=lambda import_id: redirect(
            "portability:daylio_preview", daylio_import_id=import_id
        ),
    )


def _upload_page(request: HttpRequest, form: DaylioUploadForm) -> HttpResponse:
    return render(
        request,
        "portability/daylio_upload.html",
        {
            "form": form,
            "max_size": megabytes(MAX_UPLOAD_BYTES),
            "max_rows": f"{MAX_ROWS:,}",
            "max_line": f"{MAX_LINE:,}",
            "max_moods": MAX_MOODS,
            "max_note": f"{MAX_NOTE:,}",
            "max_tags": MAX_TAGS,
            "max_tag": MAX_TAG,
        },
    )


def _open(request: HttpRequest, import_id: UUID) -> DaylioPreview | HttpResponse:
    return opened_or_refused(
        request,
        source=SOURCE,
        import_id=import_id,
        start="portability:daylio",
        open_it=lambda: daylio_preview(
            user=current_user(request), vault=current_vault(request), import_id=import_id
        ),
    )


@login_required
@require_safe
def daylio_preview_page(request: HttpRequest, daylio_import_id: UUID) -> HttpResponse:
    """Show what would be added, with the mood mapping to adjust."""
    preview = _open(request, daylio_import_id)
    if isinstance(preview, HttpResponse):
        return preview
    return _preview_page(request, preview, DaylioChoicesForm(moods=preview.moods))


def _preview_page(
    request: HttpRequest, preview: DaylioPreview, choices: DaylioChoicesForm
) -> HttpResponse:
    names = {mood.key: mood.name for mood in preview.moods}
    rows = [
        {
            "day": short_date(r.day),
            "iso": r.day.isoformat(),
            "time": r.time,
            "mood": names.get(r.mood, r.mood),
            "tags": ", ".join(r.tags),
            "note": first_words(r.note_title or r.note, NOTE_WORDS),
        }
        for r in preview.rows[:ROWS_SHOWN]
    ]
    words = [
        (PLEASANTNESS_WORDS[step], EMOTION_BY_KEY[word].label)
        for step, word in sorted(WORD_FOR.items(), reverse=True)
    ]
    return render(
        request,
        "portability/daylio_preview.html",
        {
            "preview": preview,
            "choices": choices,
            "mood_rows": choices.mood_rows(),
            "words": words,
            "new_count": len(preview.rows),
            "rows": rows,
            "more_new": max(0, len(preview.rows) - ROWS_SHOWN),
            "skipped": preview.skipped[:PROBLEMS_SHOWN],
            "skipped_count": len(preview.skipped),
            "changed": preview.changed[:PROBLEMS_SHOWN],
            "changed_count": len(preview.changed),
            "max_note": f"{MAX_NOTE:,}",
        },
    )


@login_required
@require_POST
def daylio_confirm(request: HttpRequest, daylio_import_id: UUID) -> HttpResponse:
    """Save the rows as mapped, all or nothing, and say what was added.

    An answer that is not one of the form's choices shows the preview again with
    the form's message; nothing is saved then.
    """
    preview = _open(request, daylio_import_id)
    if isinstance(preview, HttpResponse):
        return preview
    choices = DaylioChoicesForm(request.POST, moods=preview.moods)
    if not choices.is_valid():
        return _preview_page(request, preview, choices)
    try:
        result = opened_or_refused(
            request,
            source=SOURCE,
            import_id=daylio_import_id,
            start="portability:daylio",
            open_it=lambda: daylio_apply(
                user=current_user(request),
                vault=current_vault(request),
                import_id=daylio_import_id,
                moods=choices.mapping(),
                notes_to=choices.cleaned_data["notes"],
            ),
        )
    except ValidationError as exc:
        messages.error(request, "Nothing was saved. " + " ".join(exc.messages))
        return redirect("portability:daylio_preview", daylio_import_id=daylio_import_id)
    if isinstance(result, HttpResponse):
        return result
    said = f"Import done: {_count(result.checkins, 'check-in', 'check-ins')} added"
    if result.entries:
        said += f", and {_count(result.entries, 'journal entry', 'journal entries')}"
    if result.left_out:
        said += f"; {_count(result.left_out, 'row', 'rows')} left out as you chose"
    messages.success(request, said + ".")
    return redirect("checkins:index")


def _count(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


@login_required
@require_POST
def daylio_cancel(request: HttpRequest, daylio_import_id: UUID) -> HttpResponse:
    """Throw the pending import away; nothing was saved."""
    pending_discard(user=current_user(request), source=SOURCE, import_id=daylio_import_id)
    messages.info(request, "Import cancelled. Nothing was saved.")
    return redirect("portability:daylio")
