"""Putting a service's ValidationError on the form that was posted."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form: forms.BaseForm, exc: ValidationError, *, unnamed: str | None = None) -> None:
    """Put ``exc``'s messages on the form's fields, or on the form as a whole.

    Services check again what forms checked (and what only the database can tell);
    their messages name model fields, which are the form's fields when the names
    match. A message for a field the form doesn't have goes on top of the form; one
    that names no field goes on the field ``unnamed`` if given, else on top.
    """
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(unnamed, exc.messages)
