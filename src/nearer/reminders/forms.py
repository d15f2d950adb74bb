"""The reminders page's form. What each field means is said beside it."""

from __future__ import annotations

from datetime import time

from django import forms

from nearer.reminders.models import KINDS
from nearer.reminders.sending import BIRTHDAY_AHEAD_DAYS, REPEAT_DAYS, SENTENCES

# Times of day every quarter hour: a list works without JavaScript, in every browser,
# and says by itself what can be chosen.
STEP_MINUTES = 15
TIMES: list[tuple[str, str]] = [
    (f"{minutes // 60:02d}:{minutes % 60:02d}",) * 2 for minutes in range(0, 24 * 60, STEP_MINUTES)
]
_TIME_ERRORS = {
    "invalid_choice": "Please choose a time of day from the list.",
    "required": "Please choose a time of day from the list.",
}


def _as_time(value: str) -> time:
    return time.fromisoformat(value)


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
    send_at = forms.TypedChoiceField(
        label="From what time of day",
        choices=TIMES,
        coerce=_as_time,
        initial="09:00",
        help_text="In your time zone (set in your account). At most one reminder a day.",
        error_messages=_TIME_ERRORS,
    )
    quiet_from = forms.TypedChoiceField(
        label="Quiet hours from (optional)",
        required=False,
        choices=[("", "No quiet hours"), *TIMES],
        coerce=_as_time,
        empty_value=None,
        help_text="No reminder is sent in quiet hours; choose both ends, or neither.",
        error_messages=_TIME_ERRORS,
    )
    quiet_until = forms.TypedChoiceField(
        label="Quiet hours until (optional)",
        required=False,
        choices=[("", "No quiet hours"), *TIMES],
        coerce=_as_time,
        empty_value=None,
        help_text="Quiet hours may run past midnight, say from 21:00 until 08:00.",
        error_messages=_TIME_ERRORS,
    )

    def kinds(self) -> list[str]:
        """The kinds ticked (after ``is_valid``)."""
        return [kind for kind in KINDS if self.cleaned_data.get(kind)]
