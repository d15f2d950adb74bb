"""Forms of a deck session: the start (who and how long), a step, the log."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, cast

from django import forms

from nearer.decks.session_content import LENGTHS, MAX_CARD_ID_LENGTH
from nearer.decks.session_services import LOG_KINDS, STEPS
from nearer.moments.content import KIND_HELP, KINDS, OPENED_UP
from nearer.moments.widgets import BigChoicePills, CheckboxPills, ChoicePills

LENGTH_WORDS: dict[int, str] = {10: "10 minutes", 20: "20 minutes", 45: "45 minutes"}


class SessionStartForm(forms.Form):
    """Who with (one of the person's own people, not archived) and for how long."""

    person = forms.ChoiceField(
        label="Who are you talking with?",
        error_messages={
            "required": "Please choose who you are talking with.",
            "invalid_choice": "Please choose one of your people from the list.",
        },
    )
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

    # The form's own id, made when it is shown: sent twice, it starts one session.
    start = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, people: Iterable[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["person"])
        field.choices = [("", "Choose someone"), *people]
        self.fields["start"].initial = uuid.uuid4


class SessionStepForm(forms.Form):
    """One press of Next, Skip or Stop, with the card it was shown with: the count of
    cards talked through and the card's id (empty when there was no card)."""

    step = forms.ChoiceField(choices=[(step, step) for step in STEPS])
    answered = forms.IntegerField(min_value=0, max_value=1_000)
    card = forms.CharField(required=False, max_length=MAX_CARD_ID_LENGTH)


class SessionLogForm(forms.Form):
    """Log an ended session as a moment: kinds and who opened up, preselected."""

    kinds = forms.MultipleChoiceField(
        label="Which kinds of closeness did it hold?",
        required=False,
        initial=list(LOG_KINDS),
        choices=[(key, f"{label} — {KIND_HELP[key]}") for key, label in KINDS],
        widget=CheckboxPills,
        error_messages={"invalid_choice": "Choose kinds of closeness from the list."},
    )
    opened_up = forms.ChoiceField(
        label="Who opened up?",
        initial="both",
        choices=OPENED_UP,
        widget=ChoicePills,
        error_messages={
            "required": "Choose who opened up from the list.",
            "invalid_choice": "Choose who opened up from the list.",
        },
    )
