"""Forms for accounts. Labels and errors are written for a tired person on a phone."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation
from django.core.validators import RegexValidator

from nearer.accounts import time_zones
from nearer.accounts.validators import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

_username_rule = RegexValidator(
    r"^[\w.@+-]+\Z", "Use letters, numbers and . @ + - _ only, without spaces."
)


def _password_field(label: str, *, autocomplete: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        max_length=MAX_PASSWORD_LENGTH * 4,  # the validator gives the kind message
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class NewPasswordMixin(forms.Form):
    """Two new-password fields that must match, checked against the password rules.

    The rules that need the account (not like the username) run again in the
    service; these run first so every form explains a weak password the same way.
    """

    new_password1 = _password_field(
        "New password",
        autocomplete="new-password",
        help_text=(
            f"{MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters; not a common "
            "password, not only numbers or spaces, not one character repeated, not like "
            "your username. A few unrelated words make a strong, memorable one."
        ),
    )
    new_password2 = _password_field("New password, again", autocomplete="new-password")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        one, two = data.get("new_password1"), data.get("new_password2")
        if one and two and one != two:
            self.add_error("new_password2", "The two passwords are not the same.")
        elif one:
            try:
                password_validation.validate_password(one)
            except forms.ValidationError as exc:
                self.add_error("new_password1", exc)
        return data


class SignUpForm(NewPasswordMixin):
    username = forms.CharField(
        label="Username",
        max_length=150,
        validators=[_username_rule],
        help_text="What you will log in with. Others never see it.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        help_text=(
            "For security notices, and reminders if you want them. We send it a link to "
            "confirm it; you can change or remove it on your Account page."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    time_zone = forms.ChoiceField(
        label="Your time zone",
        required=False,
        initial=time_zones.DEFAULT,
        help_text=(
            "So days and dates follow your clock. UTC if you're not sure; you can "
            "change it any time on your Account page."
        ),
        error_messages={"invalid_choice": "Please choose a time zone from the list."},
        widget=forms.Select(attrs={"data-zone-guess": ""}),
    )
    field_order = ["username", "email", "new_password1", "new_password2", "time_zone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["time_zone"]).choices = time_zones.zone_choices()

    def clean_time_zone(self) -> str:
        # Nothing chosen (an older page's form): UTC, which the account then shows.
        return str(self.cleaned_data.get("time_zone") or time_zones.DEFAULT)


class InviteSignUpForm(SignUpForm):
    """Sign-up when this Nearer opens only to people with an invite."""

    invite = forms.CharField(
        label="Invite code",
        max_length=64,
        help_text="The code the person who runs this Nearer gave you, like ABCDE-FGHJK-….",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    field_order = ["invite", "username", "email", "new_password1", "new_password2", "time_zone"]


EMAIL_MAX = 254  # the longest address mail servers accept (RFC 5321), as the model allows


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        max_length=EMAIL_MAX,
        help_text=(
            f"For security notices, and reminders if you want them; up to {EMAIL_MAX} "
            "characters. Unlike what you write, it is kept unencrypted, so Nearer can "
            "write to you. Leave it empty to remove it."
        ),
        error_messages={
            "invalid": "That doesn't look like an email address, like sam@example.org.",
            "max_length": f"An email address has at most {EMAIL_MAX} characters.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class LoginForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = _password_field("Password", autocomplete="current-password")


class CurrentPasswordForm(forms.Form):
    password = _password_field("Your password", autocomplete="current-password")


class PasswordChangeForm(NewPasswordMixin):
    password = _password_field("Current password", autocomplete="current-password")
    field_order = ["password", "new_password1", "new_password2"]


class RecoverForm(NewPasswordMixin):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    recovery_code = forms.CharField(
        label="Recovery code",
        max_length=200,
        help_text="The code you saved when you signed up. Dashes and spaces don't matter.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    field_order = ["username", "recovery_code", "new_password1", "new_password2"]


class DeleteAccountForm(CurrentPasswordForm):
    confirm = forms.BooleanField(
        label="I understand everything I wrote in Nearer will be deleted for good.",
        required=True,
    )


class RecoverySavedForm(forms.Form):
    saved = forms.BooleanField(
        label="I have saved my recovery code somewhere safe.",
        required=True,
        error_messages={"required": "Please save the code first; it is the only way back in."},
    )


class PreferencesForm(forms.Form):
    display_name = forms.CharField(
        label="What should Nearer call you?",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=(),
        help_text="So days and dates follow your clock. Grouped by region; UTC is at the top.",
        error_messages={"invalid_choice": "Please choose a time zone from the list."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The zone kept from before stays offered even if it is an old name.
        kept = (self.initial or {}).get("time_zone")
        field = cast(forms.ChoiceField, self.fields["time_zone"])
        field.choices = time_zones.zone_choices(keep=kept if isinstance(kept, str) else None)
        if not kept:
            self.initial["time_zone"] = time_zones.DEFAULT
