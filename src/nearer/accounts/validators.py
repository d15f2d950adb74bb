"""Password rules beyond Django's: an upper bound, so no one hashes megabytes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

MAX_PASSWORD_LENGTH = 256


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
