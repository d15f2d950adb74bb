"""Forms of the rituals. Limits are said in each field's help, and the services
check every value again."""

from __future__ import annotations

from django import forms

from nearer.decks.session_content import LENGTHS
from nearer.decks.session_forms import LENGTH_WORDS, SessionStepForm
from nearer.moments.content import KIND_HELP, KINDS
from nearer.moments.widgets import BigChoicePills, CheckboxPills, ChoicePills
from nearer.rituals.content import (
    MAX_ANSWER,
    MAX_PART,
    MAX_REPLY,
    MAX_SHARED_NOTE,
    MAX_WISH,
    REACTIONS,
    WEEKDAYS,
)

__all__ = [
    "AnswerForm",
    "CheckinDayForm",
    "PartForm",
    "ReactForm",
    "SessionStartForm",
    "SessionStepForm",
    "SharedMomentForm",
]


def _too_long(limit: int) -> dict[str, str]:
    return {"max_length": f"Please keep it to {limit} characters."}


class AnswerForm(forms.Form):
    day = forms.DateField(widget=forms.HiddenInput)
    answer = forms.CharField(
        label="Your answer",
        max_length=MAX_ANSWER,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Up to {MAX_ANSWER} characters. Only you see it until you have both answered.",
        error_messages={"required": "Write a few words to answer.", **_too_long(MAX_ANSWER)},
    )


class ReactForm(forms.Form):
    day = forms.DateField(widget=forms.HiddenInput)
    reaction = forms.ChoiceField(
        label="A reaction",
        required=False,
        choices=REACTIONS,
        widget=ChoicePills,
        error_messages={"invalid_choice": "Choose a reaction from the list."},
    )
    reply = forms.CharField(
        label="A short reply (optional)",
        required=False,
        max_length=MAX_REPLY,
        help_text=f"Up to {MAX_REPLY} characters.",
        error_messages=_too_long(MAX_REPLY),
    )


class CheckinDayForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label="Our check-in day",
        coerce=int,
        choices=[(str(number), name) for number, name in WEEKDAYS],
        help_text="Either of you can change it; it changes for both of you from this week on.",
        error_messages={
            "required": "Choose a day of the week.",
            "invalid_choice": "Choose a day of the week.",
        },
    )


class PartForm(forms.Form):
    appreciations = forms.CharField(
        label="What I appreciated about you this week",
        required=False,
        max_length=MAX_PART,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Up to {MAX_PART} characters.",
        error_messages=_too_long(MAX_PART),
    )
    went_well = forms.CharField(
        label="What went well for us",
        required=False,
        max_length=MAX_PART,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Up to {MAX_PART} characters.",
        error_messages=_too_long(MAX_PART),
    )
    hard = forms.CharField(
        label="What was hard",
        required=False,
        max_length=MAX_PART,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Up to {MAX_PART} characters. Say it about the situation, gently.",
        error_messages=_too_long(MAX_PART),
    )
    wish = forms.CharField(
        label="One wish for the coming week",
        required=False,
        max_length=MAX_WISH,
        help_text=f"Up to {MAX_WISH} characters.",
        error_messages=_too_long(MAX_WISH),
    )


class SharedMomentForm(forms.Form):
    day = forms.DateField(
        label="Day",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="Within the past year, up to today.",
        error_messages={
            "required": "Please give the day of the moment.",
            "invalid": "Please give a day, like 2026-05-14.",
        },
    )
    kinds = forms.MultipleChoiceField(
        label="What kind of closeness was it?",
        choices=[(key, f"{label} — {KIND_HELP[key]}") for key, label in KINDS],
        widget=CheckboxPills,
        error_messages={
            "required": "Choose at least one kind of closeness.",
            "invalid_choice": "Choose kinds of closeness from the list.",
        },
    )
    note = forms.CharField(
        label="A note (optional)",
        required=False,
        max_length=MAX_SHARED_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Up to {MAX_SHARED_NOTE} characters. You both see it.",
        error_messages=_too_long(MAX_SHARED_NOTE),
    )


class SessionStartForm(forms.Form):
    length = forms.TypedChoiceField(
        label="How long have you got?",
        coerce=int,
        initial="10",
        choices=[(str(minutes), LENGTH_WORDS[minutes]) for minutes in LENGTHS],
        widget=BigChoicePills,
        error_messages={
            "required": "Please choose 10, 20 or 45 minutes.",
            "invalid_choice": "Please choose 10, 20 or 45 minutes.",
        },
    )
