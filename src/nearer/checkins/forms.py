"""Forms of a check-in: first how you feel (one tap on the grid), then the word and details.

Both apply the rules of ``content.py``, so a tampered or hand-made POST gets the
same kind, plain messages as a slip of the finger. The grid is drawn by its widget
(``widgets.FeelingGrid``: 25 real radios of one name), wrapped in a fieldset and
legend by ``rows.feeling_fields``. It posts one value, "pleasantness,energy"; the
two numbers may also come apart (step two's hidden fields, an older page still open),
and both ways end in the same two numbers.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.http import QueryDict

from nearer.checkins import content as rules
from nearer.checkins.content import EMOTIONS, ENERGY, GRID, PLEASANTNESS, cell_of
from nearer.checkins.widgets import FeelingGrid, ScaleRadioSelect
from nearer.people.widgets import PeoplePicker, PickerForm

GRID_LEGEND = "How pleasant, and how much energy?"
GRID_HELP = (
    "One tap: left is unpleasant, right is pleasant; the top is high energy, the bottom low."
)
NO_CELL = "Please choose how you feel: one square of the grid."


def _scale_field(label: str, what: str, *, required: bool = True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=required,
        empty_value=None,
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


def with_scales(data: QueryDict) -> QueryDict:
    """Return ``data`` with ``pleasantness`` and ``energy`` filled in from a grid cell.

    Step one can save straight away ("Done" once a word is chosen), and step two
    carries the two numbers: both then go through ``CheckInForm``, which reads them.
    """
    cell = cell_of(data.get("feeling"))
    if cell is None:
        return data
    data = data.copy()
    data["pleasantness"], data["energy"] = str(cell.pleasantness), str(cell.energy)
    return data


class FeelingForm(forms.Form):
    """Step one: how pleasant, how much energy, as one cell of the grid."""

    feeling = forms.ChoiceField(
        label=GRID_LEGEND,
        required=False,
        choices=[(cell.value, cell.said) for cell in GRID],
        widget=FeelingGrid,
        error_messages={"invalid_choice": NO_CELL},
    )
    # The two numbers apart, as step two and older pages send them.
    pleasantness = _scale_field("How pleasant do you feel?", "pleasantness", required=False)
    energy = _scale_field("How much energy do you have?", "energy", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        cell = cell_of(data.get("feeling"))
        if cell is not None:
            data["pleasantness"], data["energy"] = cell.pleasantness, cell.energy
        elif not self.errors and (data.get("pleasantness") is None or data.get("energy") is None):
            self.add_error("feeling", NO_CELL)
        return data

    def first_error(self) -> str:
        """Return the one message step one shows (the grid is one question), or ""."""
        for errors in self.errors.values():
            if errors:
                return NO_CELL
        return ""


class CheckInForm(PickerForm):
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
        widget=PeoplePicker,
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
        self,
        *args: Any,
        people: list[tuple[str, str]] | None = None,
        offered: list[tuple[str, str]] | None = None,
        order: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        """``people``: every id the person may name (their own people, archived too);
        ids outside it are refused by the field itself. ``offered``: those the picker
        may show (archived ones only when already chosen); ``order``: ids of the people
        seen most and lately, first."""
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = people or []  # type: ignore[attr-defined]
        self.picker_set_up("people", offered=offered, order=order)

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
