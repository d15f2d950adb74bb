"""lib.owner.check_vault and lib.forms.add_errors, the one home of each."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.lib.forms import add_errors
from nearer.lib.owner import check_vault

pytestmark = pytest.mark.django_db


def test_a_vault_is_accepted_for_its_owner_only(alice: Person, bob: Person) -> None:
    check_vault(alice.user, alice.vault)
    with pytest.raises(ValueError, match="does not belong"):
        check_vault(alice.user, bob.vault)


class _NameForm(forms.Form):
    name = forms.CharField()


def test_errors_go_on_their_field_or_on_the_form() -> None:
    form = _NameForm({"name": "Marlowe"})
    assert form.is_valid()
    add_errors(form, ValidationError({"name": "Too similar.", "owner": "Not yours."}))
    assert form.errors["name"] == ["Too similar."]
    assert form.non_field_errors() == ["Not yours."]
    add_errors(form, ValidationError("Something else."))
    assert form.non_field_errors() == ["Not yours.", "Something else."]


def test_errors_that_name_no_field_can_go_on_a_chosen_one() -> None:
    form = _NameForm({"name": "Marlowe"})
    assert form.is_valid()
    add_errors(form, ValidationError("Too like the username."), unnamed="name")
    assert form.errors["name"] == ["Too like the username."]
    assert form.non_field_errors() == []
