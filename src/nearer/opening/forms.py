"""Forms of a share, with kind, plain messages; every limit is stated as help text.

The people one may choose come from the caller (the sealed people index), and the
services check the chosen ids again against the database: a posted id is never
trusted. Choice groups are the moments forms' real radios and checkboxes (drawn in
a fieldset with a legend), so they work without JavaScript and with a keyboard.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from django import forms

from nearer.moments.content import HOWS
from nearer.moments.widgets import (
    CHOICE_GROUP,
    BigChoicePills,
    CheckboxPills,
    ChoicePills,
)
from nearer.opening.content import (
    ANXIETY_MAX,
    ANXIETY_MIN,
    MAX_NOTE,
    MAX_PEOPLE,
    MAX_TEXT,
    RECEPTIONS,
    RECIPROCATED,
)
from nearer.opening.services import EARLIEST
from nearer.people.closeness import CHOICES as CLOSENESS_CHOICES
from nearer.people.widgets import ClosenessPictures, PeoplePicker, PickerForm

# Words at the two ends of the anxiety scale; the steps between are numbers.
ANXIETY_ENDS = {ANXIETY_MIN: "calm", ANXIETY_MAX: "very anxious"}
ANXIETY_CHOICES = [
    (str(n), f"{n} · {ANXIETY_ENDS[n]}" if n in ANXIETY_ENDS else str(n))
    for n in range(ANXIETY_MIN, ANXIETY_MAX + 1)
]


def _too_long(value: str, limit: int) -> str:
    return f"This is {len(value):,} characters; please keep it to {limit:,}."


def _note(label: str, limit: int = MAX_NOTE, rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=f"Optional; up to {limit:,} characters.",
        widget=forms.Textarea(attrs={"rows": rows, "spellcheck": "true"}),
    )


def _anxiety(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        help_text=f"Optional; {ANXIETY_MIN} is calm, {ANXIETY_MAX} very anxious.",
        choices=ANXIETY_CHOICES,
        coerce=int,
        empty_value=None,
        widget=ChoicePills,
        error_messages={"invalid_choice": f"Choose a number from {ANXIETY_MIN} to {ANXIETY_MAX}."},
    )


class _LimitsMixin(forms.Form):
    # Field name -> the most characters it holds (checked again by the services).
    LIMITS: Mapping[str, int] = {}
    CHOICE_GROUPS: tuple[str, ...] = ()

    def _groups(self) -> None:
        for name in self.CHOICE_GROUPS:
            # Field.template_name is Django's (5.0+); the stubs don't list it yet.
            self.fields[name].template_name = CHOICE_GROUP  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        for name, limit in self.LIMITS.items():
            value = self.cleaned_data.get(name) or ""
            if len(value.strip()) > limit:
                self.add_error(name, _too_long(value.strip(), limit))
        return cleaned


class PrepareForm(PickerForm, _LimitsMixin):
    """What I want to say, with whom, what I fear and hope, how anxious I am."""

    CHOICE_GROUPS = ("people", "anxiety_before")
    LIMITS = {"text": MAX_TEXT, "fear": MAX_NOTE, "hope": MAX_NOTE}

    text = forms.CharField(
        label="What I want to say",
        help_text=f"Up to {MAX_TEXT:,} characters. Only you can read it.",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
        error_messages={"required": "Write a few words of what you want to say."},
    )
    people = forms.MultipleChoiceField(
        label="With whom?",
        help_text=f"One or more of your people, up to {MAX_PEOPLE}.",
        widget=PeoplePicker,
        error_messages={
            "required": "Choose who you want to tell.",
            "invalid_choice": "Please choose people from your list.",
        },
    )
    fear = _note("What I fear might happen")
    hope = _note("What I hope for")
    anxiety_before = _anxiety("How anxious do I feel about it now?")
    # Chosen when the form is first shown and kept with the draft: sending the same
    # draft twice (after a dropped connection or a login) saves one share, not two.
    draft_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        people: Sequence[tuple[str, str]],
        circles: Mapping[str, str] | None = None,
        order: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> None:
        """``order``: ids of the people seen most and lately, shown first by the people
        picker (``people.widgets.PeoplePicker``); ``circles`` is kept for callers."""
        super().__init__(*args, **kwargs)
        people_field = cast(forms.MultipleChoiceField, self.fields["people"])
        people_field.choices = list(people)
        self.picker_set_up("people", order=order)
        self._groups()

    def clean_people(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["people"]
        if len(chosen) > MAX_PEOPLE:
            raise forms.ValidationError(f"Please choose at most {MAX_PEOPLE} people.")
        return chosen


class SharedForm(_LimitsMixin):
    """When and how it was shared."""

    CHOICE_GROUPS = ("how",)

    shared_on = forms.DateField(
        label="When did you share it?",
        help_text="A day from 1900 up to today.",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Please give the day you shared it.",
            "invalid": "Please give a day, like 2026-05-14.",
        },
    )
    how = forms.ChoiceField(
        label="How?",
        choices=HOWS,
        widget=BigChoicePills,
        error_messages={
            "required": "Choose how you shared it.",
            "invalid_choice": "Choose how you shared it.",
        },
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self._groups()

    def clean_shared_on(self) -> date:
        day: date = self.cleaned_data["shared_on"]
        if day > self.today:
            raise forms.ValidationError("That day hasn't come yet; choose today or earlier.")
        if day < EARLIEST:
            raise forms.ValidationError("Please choose a day after 1900.")
        return day


class ReflectForm(_LimitsMixin):
    """How it was received, how anxious and close I feel now, did they open up too."""

    CHOICE_GROUPS = ("reception", "anxiety_after", "reciprocated")
    LIMITS = {"reception_note": MAX_NOTE}

    reception = forms.MultipleChoiceField(
        label="How was it received?",
        help_text="Any that fit, or none.",
        required=False,
        choices=RECEPTIONS,
        widget=CheckboxPills,
        error_messages={"invalid_choice": "Choose from the list how it was received."},
    )
    reception_note = _note("In my words")
    anxiety_after = _anxiety("How anxious do I feel now?")
    closeness_after = forms.TypedChoiceField(
        label="How close do I feel to them now?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(str(choice.value), choice.words) for choice in CLOSENESS_CHOICES],
        # Each option is its picture, number and words (people/widgets/closeness_pictures.html).
        widget=ClosenessPictures,
        error_messages={"invalid_choice": "Please choose one of the seven pictures."},
    )
    reciprocated = forms.ChoiceField(
        label="Did they open up in return?",
        required=False,
        choices=RECIPROCATED,
        widget=ChoicePills,
        error_messages={"invalid_choice": "Choose yes or not this time."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._groups()


class LetGoForm(_LimitsMixin):
    """ "I decided not to share this", with an optional note."""

    LIMITS = {"note": MAX_NOTE}

    note = _note("A note for myself")
