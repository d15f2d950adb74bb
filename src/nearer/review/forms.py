"""Forms of the weekly review. Limits are said beside each field."""

from __future__ import annotations

from django import forms

from nearer.lib.dates import DAY_NAMES
from nearer.review.services import MAX_ANSWER


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer, if you like",
        required=False,
        strip=False,
        max_length=MAX_ANSWER,
        help_text=f"Optional, up to {MAX_ANSWER:,} characters. It is saved with the review.",
        error_messages={"max_length": f"Please keep your answer to {MAX_ANSWER:,} characters."},
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class SettingsForm(forms.Form):
    enabled = forms.BooleanField(
        label="Offer me a weekly review on Today",
        required=False,
        help_text="Off unless you turn it on. You can open the review any day either way.",
    )
    day = forms.TypedChoiceField(
        label="On which day",
        choices=[(str(number), name) for number, name in enumerate(DAY_NAMES)],
        coerce=int,
        help_text=(
            "A week runs Monday to Sunday in your time zone; the review looks at the week "
            "you are in so far. A day late in the week has the most to look back on."
        ),
        error_messages={
            "invalid_choice": "Please choose a day of the week.",
            "required": "Please choose a day of the week.",
        },
    )
