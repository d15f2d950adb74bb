"""Password rules: Django's checks in kinder words, plus a few of our own.

Length and a blocklist, no composition rules (NIST SP 800-63B). Each message says
what to do next, not only what was wrong, and each rule's help text is shown
beside the new-password field.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256

_TRY = "A few unrelated words, like a short odd sentence, make a strong one."


class MaximumLengthValidator:
    """Refuse passwords longer than 256 characters (64 and more are welcome)."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > MAX_PASSWORD_LENGTH:
            raise ValidationError(
                f"Please use at most {MAX_PASSWORD_LENGTH} characters.",
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return f"Up to {MAX_PASSWORD_LENGTH} characters; a long phrase is best."


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    """At least ``min_length`` characters (12 in settings)."""

    def get_error_message(self) -> str:
        return f"Please use at least {self.min_length} characters; this one is shorter. {_TRY}"

    def get_help_text(self) -> str:
        return f"At least {self.min_length} characters."


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    """Not one of the 20,000 most common passwords (Django's list)."""

    def get_error_message(self) -> str:
        return (
            f"This password is too common: it is on the lists people use to guess passwords. {_TRY}"
        )

    def get_help_text(self) -> str:
        return "Not a commonly used password."


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    """Not digits only (a date or a phone number is quickly guessed)."""

    def get_error_message(self) -> str:
        return f"A password of only numbers is quick to guess. Please add some words. {_TRY}"

    def get_help_text(self) -> str:
        return "Not only numbers."


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    """Not too like the username or email."""

    def get_error_message(self) -> str:
        return f"This password is too like your %(verbose_name)s. {_TRY}"

    def get_help_text(self) -> str:
        return "Not like your username or email."


class NotOnlySpacesValidator:
    """Refuse a password of spaces (or other blank characters) only."""

    def validate(self, password: str, user: Any = None) -> None:
        if password and not password.strip():
            raise ValidationError(
                f"A password of only spaces is easy to guess. Please use some words. {_TRY}",
                code="password_only_spaces",
            )

    def get_help_text(self) -> str:
        return "Not only spaces."


class NotOneRepeatedCharacterValidator:
    """Refuse one character typed over and over (``aaaaaaaaaaaa``)."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(set(password)) == 1 and password.strip():
            raise ValidationError(
                f"One character repeated is easy to guess. {_TRY}",
                code="password_one_character",
            )

    def get_help_text(self) -> str:
        return "Not one character repeated."
