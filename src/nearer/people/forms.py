"""Forms for people. They apply the rules in ``rules.py`` with kind, plain messages.

No field sets ``maxlength``: a browser would silently cut pasted text; over-long
text gets a clear message instead, with the words still in the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from nearer.lib.dates import MONTH_NAMES
from nearer.lib.forms import add_errors
from nearer.people import rules
from nearer.people.content import (
    CIRCLES,
    CLOSENESS_MAX,
    CLOSENESS_MIN,
    DATE_KINDS,
    RELATIONSHIPS,
    PersonDetails,
)
from nearer.people.days import CLOSENESS_WORDS
from nearer.people.imports import DEFAULT_CIRCLE, DEFAULT_RELATIONSHIP
from nearer.people.rules import DateDraft
from nearer.people.widgets import ClosenessPictures, ImportOptions

MONTH_CHOICES = [(str(number), name) for number, name in enumerate(MONTH_NAMES, start=1)]

_DAYS_ERRORS = {
    "invalid": "Please give a whole number of days, like 14.",
    "min_value": "Please give at least 1 day.",
    "max_value": f"Please give at most {rules.MAX_RHYTHM_DAYS:,} days.",
}


class PersonForm(forms.Form):
    name = forms.CharField(
        label="Name",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Please give their name."},
    )
    called = forms.CharField(
        label="What you call them (optional)",
        required=False,
        help_text="A nickname or “Mum”: shown instead of the name.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    relationship = forms.ChoiceField(label="Relationship", choices=RELATIONSHIPS, initial="friend")
    relationship_label = forms.CharField(
        label="Your own word for it (optional)",
        required=False,
        help_text="For example “best friend” or “sister-in-law”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    circle = forms.ChoiceField(
        label="Circle",
        choices=CIRCLES,
        initial="close",
        help_text="Inner: the few closest to you. Close: people you see often. "
        "Wider: everyone else who matters.",
    )
    rhythm_days = forms.IntegerField(
        label="Connect about every … days (optional)",
        required=False,
        min_value=1,
        max_value=rules.MAX_RHYTHM_DAYS,
        help_text="How often you'd like to be in touch, for example 7 for weekly.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages=_DAYS_ERRORS,
    )
    too_long_days = forms.IntegerField(
        label="Too long after … days (optional)",
        required=False,
        min_value=1,
        max_value=rules.MAX_RHYTHM_DAYS,
        help_text="When it starts to feel too long; at least the number above.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages=_DAYS_ERRORS,
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        help_text="What matters to them, what you talked about, what to remember.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def details(self) -> PersonDetails:
        """Return the cleaned details (call after is_valid())."""
        data = self.cleaned_data
        return PersonDetails(
            name=data["name"],
            called=data.get("called") or "",
            relationship=data["relationship"],
            relationship_label=data.get("relationship_label") or "",
            circle=data["circle"],
            notes=data.get("notes") or "",
            rhythm_days=data.get("rhythm_days"),
            too_long_days=data.get("too_long_days"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            rules.person_details_clean(self.details())
        except ValidationError as exc:
            add_errors(self, exc)
        return data

    @staticmethod
    def initial_of(details: PersonDetails) -> dict[str, Any]:
        return details.as_json()


class DateForm(forms.Form):
    """One important date. With ``optional=True`` (the new-person form) it may stay empty."""

    kind = forms.ChoiceField(label="Which day", choices=DATE_KINDS, initial="birthday")
    label = forms.CharField(
        label="Name of the day",
        required=False,
        help_text="Needed for another day, for example “Name day”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    day = forms.IntegerField(
        label="Day",
        required=False,
        min_value=1,
        max_value=31,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Please give the day as a number, 1 to 31.",
            "min_value": "Please give the day as a number, 1 to 31.",
            "max_value": "Please give the day as a number, 1 to 31.",
        },
    )
    month = forms.TypedChoiceField(
        label="Month",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Choose a month"), *MONTH_CHOICES],
        error_messages={"invalid_choice": "Please choose a month."},
    )
    year = forms.IntegerField(
        label="Year (optional)",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Please give the year as a number, like 1990, or leave it empty."
        },
    )

    def __init__(self, *args: Any, today: date, optional: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.optional = optional
        self.draft: DateDraft | None = None

    def is_empty(self) -> bool:
        data = self.cleaned_data
        return data.get("day") is None and data.get("month") is None and data.get("year") is None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if self.is_empty() and self.optional:
            return data
        errors: dict[str, str] = {}
        if data.get("day") is None:
            errors["day"] = "Please give the day."
        if data.get("month") is None:
            errors["month"] = "Please choose a month."
        if errors:
            for field, message in errors.items():
                self.add_error(field, message)
            return data
        try:
            self.draft = rules.date_draft_clean(
                DateDraft(
                    kind=data["kind"],
                    month=data["month"],
                    day=data["day"],
                    year=data.get("year"),
                    label=data.get("label") or "",
                ),
                today=self.today,
            )
        except ValidationError as exc:
            add_errors(self, exc)
        return data


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Find someone",
        max_length=200,
        help_text="By name, what you call them or relationship.",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"required": "Type a name to look for."},
    )


class ClosenessForm(forms.Form):
    value = forms.TypedChoiceField(
        coerce=int,
        choices=[(str(n), CLOSENESS_WORDS[n]) for n in range(CLOSENESS_MIN, CLOSENESS_MAX + 1)],
        # Each option is its picture, number and words (people/widgets/closeness_pictures.html).
        widget=ClosenessPictures,
        error_messages={
            "required": "Please choose the picture that fits best.",
            "invalid_choice": "Please choose one of the seven pictures.",
        },
    )


_ALL_MESSAGE = (
    "Please choose what to do with all the possible duplicates: "
    "decide one by one, skip them all or merge them all."
)


class ImportChoicesForm(forms.Form):
    """The import preview's choices for everyone new and for all possible duplicates.

    Drawn without ids (``auto_id=False``), each group by ``ImportOptions``;
    ``import_confirm`` reads the answers through ``answered``: a question left
    unanswered takes its default, any other value is an error shown on the preview.
    """

    circle = forms.ChoiceField(
        choices=CIRCLES,
        initial=DEFAULT_CIRCLE,
        widget=ImportOptions,
        error_messages={
            "required": "Please choose a circle from the list: inner, close or wider.",
            "invalid_choice": "Please choose a circle from the list: inner, close or wider.",
        },
    )
    relationship = forms.ChoiceField(
        choices=RELATIONSHIPS,
        initial=DEFAULT_RELATIONSHIP,
        widget=ImportOptions,
        error_messages={
            "required": "Please choose a relationship from the list.",
            "invalid_choice": "Please choose a relationship from the list.",
        },
    )
    all = forms.ChoiceField(
        choices=[
            ("each", "Decide one by one below"),
            ("skip", "Skip them all"),
            ("merge", "Merge them all"),
        ],
        initial="each",
        widget=ImportOptions,
        error_messages={
            "required": _ALL_MESSAGE,
            "invalid_choice": _ALL_MESSAGE,
        },
    )

    @classmethod
    def answered(cls, data: Mapping[str, Any]) -> ImportChoicesForm:
        """Return the form bound to the posted answers, each missing one its default.

        A browser sends nothing for a group of radios of which none is checked (and
        the circle and relationship are not drawn when no one is new), so a missing
        answer is the default; an empty or unknown one is not.
        """
        answers = {name: data.get(name, field.initial) for name, field in cls.base_fields.items()}
        return cls(answers, auto_id=False)
