"""user_email_change: sets or removes the email, validated; a bad one changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.models import User
from nearer.accounts.services import user_email_change
from nearer.conftest import Person


def test_it_sets_and_removes_the_email(alice: Person) -> None:
    user_email_change(user=alice.user, email=" ally.orchard@example.org ")
    assert User.objects.get(pk=alice.user.pk).email == "ally.orchard@example.org"
    user_email_change(user=alice.user, email="")
    assert User.objects.get(pk=alice.user.pk).email == ""


def test_it_refuses_what_is_not_an_address(alice: Person) -> None:
    with pytest.raises(ValidationError) as caught:
        user_email_change(user=alice.user, email="no at sign here")
    assert "email" in caught.value.message_dict
    assert User.objects.get(pk=alice.user.pk).email == ""
