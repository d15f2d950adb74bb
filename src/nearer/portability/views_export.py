"""The export page: what will be gathered, the password again, an optional passphrase,
and the download.

The export is a POST (it opens everything with the vault, so it needs CSRF's
protection) and asks for the account password again: it is a person's whole life
in one file, and someone at an unlocked, logged-in computer should not be able to
take it in one click, as banks ask again before a statement download. Wrong
passwords are counted by django-axes like a login's. The download streams: the
zip is made while it is sent (``export_stream``), never stored on the server.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from nearer.accounts.current import current_user, current_vault
from nearer.portability.export_stream import (
    MAX_PASSPHRASE,
    MIN_PASSPHRASE,
    ExportRequest,
    export_chunks,
    export_file_name,
)
from nearer.portability.export_summary import export_summary

PASSPHRASE_HELP = (
    f"Optional. With a passphrase the zip is encrypted (AES-256): {MIN_PASSPHRASE} to "
    f"{MAX_PASSPHRASE:,} characters; a few unrelated words are easy to type and hard to "
    "guess. Without it the zip is not encrypted. Nearer does not keep it: if it is "
    "forgotten, the file cannot be opened."
)


class ExportForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        help_text="Asked again because this file holds everything you keep here.",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Please give your password."},
    )
    passphrase = forms.CharField(
        label="Passphrase for the zip",
        help_text=PASSPHRASE_HELP,
        required=False,
        strip=False,
        min_length=MIN_PASSPHRASE,
        max_length=MAX_PASSPHRASE,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={
            "min_length": f"Please use at least {MIN_PASSPHRASE} characters for the passphrase.",
            "max_length": f"Please keep the passphrase to {MAX_PASSPHRASE:,} characters.",
        },
    )
    passphrase_again = forms.CharField(
        label="The passphrase again",
        required=False,
        strip=False,
        max_length=MAX_PASSPHRASE,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        first, again = cleaned.get("passphrase") or "", cleaned.get("passphrase_again") or ""
        if "passphrase" in cleaned and first != again:
            self.add_error("passphrase_again", "The two passphrases are not the same.")
        return cleaned


@sensitive_post_parameters("password", "passphrase", "passphrase_again")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def export_page(request: HttpRequest) -> HttpResponse:
    """Show what the export holds; on a POST with the right password, send the zip."""
    user = current_user(request)
    form = ExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        checked = authenticate(
            request, username=user.get_username(), password=form.cleaned_data["password"]
        )
        if checked is None or checked.pk != user.pk:
            form.add_error("password", "That is not your password. Nothing was exported.")
        else:
            exported_at = datetime.now(tz=UTC)
            response = StreamingHttpResponse(
                export_chunks(
                    ExportRequest(
                        user=user,
                        vault=current_vault(request),
                        exported_at=exported_at,
                        passphrase=form.cleaned_data["passphrase"] or "",
                    )
                ),
                content_type="application/zip",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{export_file_name(exported_at)}"'
            )
            return response  # type: ignore[return-value]
    summary = export_summary(user=user)
    return render(request, "portability/export.html", {"form": form, "summary": summary})


__all__ = ["ExportForm", "export_page"]
