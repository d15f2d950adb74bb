"""MaximumLengthValidator: long passphrases welcome, megabytes refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.validators import MAX_PASSWORD_LENGTH, MaximumLengthValidator


def test_it_accepts_up_to_the_limit() -> None:
    MaximumLengthValidator().validate("x" * MAX_PASSWORD_LENGTH)


def test_it_refuses_longer_with_a_kind_message() -> None:
    with pytest.raises(ValidationError) as caught:
        MaximumLengthValidator().validate("x" * (MAX_PASSWORD_LENGTH + 1))
    assert caught.value.messages == [f"Please use at most {MAX_PASSWORD_LENGTH} characters."]


def test_it_explains_itself() -> None:
    assert str(MAX_PASSWORD_LENGTH) in MaximumLengthValidator().get_help_text()
