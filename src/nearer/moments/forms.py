"""Forms for moments and nudges, with kind, plain messages.

The people one may choose come from the caller (the sealed people index), and the
services check the chosen ids again against the database: a posted id is never
trusted. Pickers are real radio buttons and checkboxes (rendered in a fieldset
with a legend by the templates), so they work without JavaScript and with a
keyboard or screen reader. "Who were you with?" is the one people picker of every
form (``people.widgets.PeoplePicker``): a handful of people and a search box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from django import forms

from nearer.moments.content import (
    CLOSENESS,
    HOWS,
    KIND_HELP,
    KINDS,
    MAX_MINUTES,
    MAX_NOTE,
    OPENED_UP,
)
from nearer.moments.services import EARLIEST
from nearer.moments.widgets import (
    CHOICE_GROUP,
    BigChoicePills,
    CheckboxPills,
    ChoicePills,
)
from nearer.people.widgets import PeoplePicker, PickerForm

SNOOZE_CHOICES: tuple[tuple[int, str], ...] = (
    (7, "a week"),
    (14, "two weeks"),
    (30, "a month"),
)


def _int_or_none(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


class MomentForm(PickerForm):
    # Drawn as a fieldset of pills by moments/_choice_group.html ({{ field.as_field_group }}).
    CHOICE_GROUPS = ("people", "how", "kinds", "closeness", "opened_up")

    people = forms.MultipleChoiceField(
        label="Who were you with?",
        widget=PeoplePicker,
        error_messages={
            "required": "Choose who the moment was with.",
            "invalid_choice": "Please choose people from your list.",
        },
    )
    how = forms.ChoiceField(
        label="How?",
        choices=HOWS,
        widget=BigChoicePills,
        error_messages={
            "required": "Choose how you were together.",
            "invalid_choice": "Choose how you were together.",
        },
    )
    occurred_on = forms.DateField(
        label="Day",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Please give the day of the moment.",
            "invalid": "Please give a day, like 2026-05-14.",
        },
    )
    at = forms.TimeField(
        label="Time (optional)",
        required=False,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        error_messages={"invalid": "Please give a time, like 18:30."},
    )
    minutes = forms.IntegerField(
        label="How long, in minutes (optional)",
        required=False,
        min_value=1,
        max_value=MAX_MINUTES,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
        error_messages={
            "invalid": "Please give a whole number of minutes, like 45.",
            "min_value": "Please give at least 1 minute.",
            "max_value": f"Please give at most {MAX_MINUTES} minutes.",
        },
    )
    kinds = forms.MultipleChoiceField(
        label="Which kinds of closeness did it hold? (optional)",
        required=False,
        choices=[(key, f"{label} — {KIND_HELP[key]}") for key, label in KINDS],
        widget=CheckboxPills,
        error_messages={"invalid_choice": "Choose kinds of closeness from the list."},
    )
    closeness = forms.TypedChoiceField(
        label="How close did it feel? (optional)",
        required=False,
        choices=[(str(value), f"{value} · {label}") for value, label in CLOSENESS],
        coerce=int,
        empty_value=None,
        widget=ChoicePills,
        error_messages={"invalid_choice": "Choose how close it felt, from 1 to 5."},
    )
    opened_up = forms.ChoiceField(
        label="Who opened up? (optional)",
        required=False,
        choices=OPENED_UP,
        widget=ChoicePills,
        error_messages={"invalid_choice": "Choose who opened up from the list."},
    )
    note = forms.CharField(
        label="A note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "true"}),
    )

    def __init__(
        self,
        *args: Any,
        today: date,
        people: Sequence[tuple[str, str]],
        circles: Mapping[str, str] | None = None,
        order: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> None:
        """``order``: ids of the people seen most and lately (``moments.seen``), whom the
        people picker shows first. ``circles`` is no longer used by the picker (it shows
        a handful, not a fieldset per circle) and is kept for callers."""
        super().__init__(*args, **kwargs)
        self.today = today
        people_field = cast(forms.MultipleChoiceField, self.fields["people"])
        people_field.choices = list(people)
        for name in self.CHOICE_GROUPS:
            # Field.template_name is Django's (5.0+); the stubs don't list it yet.
            self.fields[name].template_name = CHOICE_GROUP  # type: ignore[attr-defined]
        self.picker_set_up("people", order=order)

    def clean_occurred_on(self) -> date:
        day: date = self.cleaned_data["occurred_on"]
        if day > self.today:
            raise forms.ValidationError("That day hasn't come yet; choose today or earlier.")
        if day < EARLIEST:
            raise forms.ValidationError("Please choose a day after 1900.")
        return day

    def clean_note(self) -> str:
        note: str = self.cleaned_data.get("note") or ""
        if len(note) > MAX_NOTE:
            raise forms.ValidationError(
                f"The note is {len(note)} characters; please keep it to {MAX_NOTE}."
            )
        return note


class QuickMomentForm(MomentForm):
    """The same moment in a few taps: who (prefilled), how, and the rest folded away."""

    EXTRAS = ("occurred_on", "at", "minutes", "kinds", "closeness", "opened_up", "note")

    def __init__(self, *args: Any, prefilled: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.prefilled = prefilled
        if prefilled:
            self.fields["people"].widget = forms.MultipleHiddenInput()
            self.fields["people"].widget.choices = self.fields["people"].choices  # type: ignore[attr-defined]

    @property
    def extras_have_errors(self) -> bool:
        """True when a folded-away field has a mistake, so the fold opens to show it."""
        return any(name in self.errors for name in self.EXTRAS)


class SnoozeForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Quiet this nudge for",
        choices=[(str(days), words) for days, words in SNOOZE_CHOICES],
        coerce=int,
        initial="7",
        error_messages={"invalid_choice": "Choose how long to quiet the nudge."},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class HowForm(forms.Form):
    """The quick log on a person's page: only how (the person and today are hidden
    inputs of the page's own form)."""

    how = forms.ChoiceField(label="How?", choices=HOWS, widget=BigChoicePills)
