"""Forms of a check-in: first how you feel (two scales), then the word and the details.

Both apply the rules of ``content.py``, so a tampered or hand-made POST gets the
same kind, plain messages as a slip of the finger. The two scales are drawn by
their widget (``widgets.ScaleRadioSelect``: real radios in their labels), wrapped
in a fieldset and legend by ``rows.feeling_fields``.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms

from nearer.checkins import content as rules
from nearer.checkins.content import EMOTIONS, ENERGY, PLEASANTNESS
from nearer.checkins.widgets import ScaleRadioSelect


def _scale_field(label: str, what: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[
            (str(value), words)
            for value, words in (PLEASANTNESS if what == "pleasantness" else ENERGY)
        ],
        coerce=int,
        widget=ScaleRadioSelect,
        error_messages={
            "required": f"Please choose how {'pleasant' if what == 'pleasantness' else 'energetic'}"
            " you feel.",
            "invalid_choice": f"Please choose one of the five steps for {what}.",
        },
    )


class FeelingForm(forms.Form):
    """Step one: how pleasant, how much energy."""

    pleasantness = _scale_field("How pleasant do you feel?", "pleasantness")
    energy = _scale_field("How much energy do you have?", "energy")

    def first_errors(self) -> dict[str, str]:
        """Return the first error of each scale, for ``rows.feeling_fields``."""
        return {name: str(errors[0]) for name, errors in self.errors.items() if errors}


class CheckInForm(forms.Form):
    """Step two: the word, who and what contributed, a note. Carries step one's answers."""

    pleasantness = _scale_field("How pleasant do you feel?", "pleasantness")
    energy = _scale_field("How much energy do you have?", "energy")
    emotion = forms.ChoiceField(
        label="Which word fits best?",
        choices=[(e.key, e.label) for e in EMOTIONS],
        error_messages={
            "required": "Please choose the word that fits best.",
            "invalid_choice": "Please choose one of the words shown.",
        },
    )
    people = forms.MultipleChoiceField(
        label="Who contributed? (optional)",
        required=False,
        error_messages={
            "invalid_choice": "One of the people chosen isn't in your People any more. "
            "Please choose again.",
            "invalid_list": "Please choose people from the list.",
        },
    )
    tags = forms.CharField(
        label="What else contributed? (optional)",
        required=False,
        help_text="A few words, separated by commas: sleep, work, a walk.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    note = forms.CharField(
        label="A note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Chosen when step two is first shown: sending it twice saves one check-in.
    # A malformed one (tampered) is ignored rather than shown as an error nobody can fix.
    checkin_id = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, people: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # Every id the person may name (their own people, archived too); ids outside
        # this list are refused by the field itself.
        self.fields["people"].choices = people or []  # type: ignore[attr-defined]

    def clean_checkin_id(self) -> UUID | None:
        try:
            return UUID(str(self.cleaned_data.get("checkin_id") or ""))
        except ValueError:
            return None

    def clean_tags(self) -> tuple[str, ...]:
        return rules.tags_clean(self.cleaned_data.get("tags") or "")

    def clean_note(self) -> str:
        return rules.note_clean(self.cleaned_data.get("note") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        p, e, word = data.get("pleasantness"), data.get("energy"), data.get("emotion")
        if isinstance(p, int) and isinstance(e, int) and word:
            try:
                rules.emotion_clean(word, pleasantness=p, energy=e)
            except forms.ValidationError as exc:
                self.add_error("emotion", exc)
        return data
