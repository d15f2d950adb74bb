"""Forms of the second factor. Limits are said on the page, next to the field."""

from __future__ import annotations

from django import forms

from nearer.accounts.forms import CurrentPasswordForm

CODE_HELP = "The 6 digits your authenticator app shows now."


def _code_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=20,
        help_text=help_text,
        error_messages={
            "required": "Please type the code.",
            "max_length": "That code is too long.",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class SetupConfirmForm(forms.Form):
    code = _code_field("Code from your app", CODE_HELP)


class SecondStepForm(forms.Form):
    code = _code_field(
        "Code",
        "The 6 digits your authenticator app shows now, or one of your backup codes "
        "(10 letters and numbers, each works once).",
    )


class TurnOffForm(CurrentPasswordForm):
    code = _code_field("Code from your app, or a backup code", CODE_HELP)


class PasskeyAddForm(forms.Form):
    name = forms.CharField(
        label="A name for this passkey",
        max_length=60,
        help_text="So you can tell it apart later, e.g. “Laptop”. Up to 60 characters.",
        error_messages={
            "required": "Please give the passkey a name.",
            "max_length": "Please keep the name to 60 characters.",
        },
    )
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20_000, required=False)


class PasskeySignInForm(forms.Form):
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20_000)
