"""Forms for the journal. They apply the rules in ``rules.py`` with kind, plain messages.

No field sets ``maxlength``: a browser would silently cut pasted text, and nothing
typed may be lost. Over-long text gets a clear message instead, with the words
still in the form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from nearer.journal import rules
from nearer.journal.prompts import THEMES


class EntryForm(forms.Form):
    entry_date = forms.DateField(
        label="Date",
        help_text="Today or an earlier day.",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Please give the entry a date.",
            "invalid": "Please give a date, like 2026-05-14.",
        },
    )
    title = forms.CharField(
        label="Title (optional)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    body = forms.CharField(
        label="Your words",
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        error_messages={"required": "Write a few words first — the entry is empty."},
    )
    tags = forms.CharField(
        label="Tags (optional)",
        required=False,
        help_text="Separate tags with commas, for example: family, walks, hard day.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    # Which built-in prompt a guided entry answers; travels in the form, not the URL,
    # so it survives a login in between.
    prompt = forms.CharField(required=False, widget=forms.HiddenInput)
    # Chosen when the form is first shown and kept with the draft: sending the same
    # draft twice (after a dropped connection or a login) saves one entry, not two.
    draft_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    field_order = ["title", "body", "tags", "entry_date"]

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        # The date picker offers no day after today (the check below still decides).
        self.fields["entry_date"].widget.attrs["max"] = today.isoformat()

    def clean_entry_date(self) -> date:
        return rules.entry_date_by_person(self.cleaned_data.get("entry_date"), today=self.today)

    def clean_title(self) -> str:
        return rules.title_clean(self.cleaned_data.get("title") or "")

    def clean_body(self) -> str:
        return rules.body_clean(self.cleaned_data.get("body") or "")

    def clean_tags(self) -> list[str]:
        return rules.tags_clean(rules.tags_from_text(self.cleaned_data.get("tags") or ""))


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Words to look for",
        required=False,
        max_length=200,
        help_text="Finds entries with every word, in the title, the text or the tags. "
        "Capitals and accents don't matter.",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    tag = forms.CharField(
        label="Only entries tagged (optional)",
        required=False,
        max_length=rules.MAX_TAG + 1,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("q") or "").strip() and not data.get("tag"):
            raise forms.ValidationError("Type a word to look for, or a tag.", code="empty")
        return data


class PromptPickForm(forms.Form):
    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        choices=[("", "Any theme"), *((theme.key, theme.name) for theme in THEMES)],
    )
