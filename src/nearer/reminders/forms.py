"""The reminders page's form. What each field means is said beside it."""

from __future__ import annotations

from django import forms

from nearer.reminders.models import KINDS
from nearer.reminders.sending import BIRTHDAY_AHEAD_DAYS, REPEAT_DAYS, SENTENCES

_TIME = forms.TimeInput(attrs={"type": "time", "step": 60}, format="%H:%M")
_TIME_ERRORS = {"invalid": "Please give a time of day, like 09:30."}


class RemindersForm(forms.Form):
    checkin = forms.BooleanField(
        label=f"“{SENTENCES['checkin']}”",
        required=False,
        help_text="On days you haven't checked in yet.",
    )
    people = forms.BooleanField(
        label=f"“{SENTENCES['people']}”",
        required=False,
        help_text=(
            "When someone's wished rhythm comes round; said again after "
            f"{REPEAT_DAYS} days at the soonest."
        ),
    )
    scale = forms.BooleanField(
        label=f"“{SENTENCES['scale']}”",
        required=False,
        help_text="When a well-being scale comes round in the rhythm you chose for it.",
    )
    birthday = forms.BooleanField(
        label=f"“{SENTENCES['birthday']}”",
        required=False,
        help_text=f"Once, up to {BIRTHDAY_AHEAD_DAYS} days before someone's birthday.",
    )
    send_at = forms.TimeField(
        label="From what time of day",
        widget=_TIME,
        help_text="In your time zone (set in your account). At most one reminder a day.",
        error_messages={**_TIME_ERRORS, "required": "Please give a time of day, like 09:30."},
    )
    quiet_from = forms.TimeField(
        label="Quiet hours from (optional)",
        required=False,
        widget=_TIME,
        help_text="No reminder is sent in quiet hours; leave both empty for none.",
        error_messages=_TIME_ERRORS,
    )
    quiet_until = forms.TimeField(
        label="Quiet hours until (optional)",
        required=False,
        widget=_TIME,
        help_text="Quiet hours may run past midnight, say from 21:00 until 08:00.",
        error_messages=_TIME_ERRORS,
    )

    def kinds(self) -> list[str]:
        """The kinds ticked (after ``is_valid``)."""
        return [kind for kind in KINDS if self.cleaned_data.get(kind)]
