"""Forms of the Together pages: what a person types, checked before any service runs."""

from __future__ import annotations

from django import forms

from nearer.together.invite_codes import MAX_TYPED
from nearer.together.names import MAX_NAME
from nearer.together.sharing import KINDS

NAME_HELP = f"How your partner will see you in the space, up to {MAX_NAME} characters."


class InviteForm(forms.Form):
    name = forms.CharField(
        label="Your name, as your partner will see it", max_length=MAX_NAME, help_text=NAME_HELP
    )


class AcceptForm(forms.Form):
    code = forms.CharField(
        label="Invite code",
        max_length=MAX_TYPED,
        help_text="The 24 letters and digits your partner was shown, or their whole link.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    name = forms.CharField(
        label="Your name, as your partner will see it", max_length=MAX_NAME, help_text=NAME_HELP
    )


class ShareForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in sorted(KINDS)])
    item = forms.UUIDField()
