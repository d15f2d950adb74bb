"""Security: weak passwords are refused on every form that sets one, with a kind
message saying what to do instead; nothing changes."""

from __future__ import annotations

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.test import Client

from nearer.accounts.models import User
from nearer.conftest import Person

# Each with the words its explanation must contain.
WEAK = {
    " " * 12: "only spaces",
    "\t \u00a0" * 4: "only spaces",
    "a" * 12: "One character repeated",
    "7" * 20: "only numbers",
    "123456789012": "only numbers",
    "314159265358979": "only numbers",
    "password1234": "too common",
    "short words": "at least 12",
}
ADVICE = "A few unrelated words"


@pytest.mark.parametrize("weak", WEAK)
def test_the_rules_refuse_it_kindly(weak: str) -> None:
    with pytest.raises(ValidationError) as caught:
        password_validation.validate_password(weak)
    text = " ".join(caught.value.messages)
    assert WEAK[weak].lower() in text.lower()
    assert ADVICE in text


@pytest.mark.parametrize(
    "good", ["plum kettle orbit lantern", "correct horse battery staple", "aaaaaaaaaaab  "]
)
def test_the_rules_accept_a_phrase(good: str) -> None:
    password_validation.validate_password(good)


def test_it_refuses_a_password_like_the_username_kindly(db: None) -> None:
    user = User(username="marguerite.fontaine")
    with pytest.raises(ValidationError) as caught:
        password_validation.validate_password("marguerite.fontaine1", user)
    assert "too like your username" in " ".join(caught.value.messages)


@pytest.mark.parametrize("weak", WEAK)
def test_sign_up_explains_and_creates_nothing(db: None, weak: str) -> None:
    response = Client().post(
        "/accounts/signup/",
        {"username": "fernando", "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    assert WEAK[weak].lower() in response.content.decode().lower()
    assert not User.objects.filter(username="fernando").exists()


@pytest.mark.parametrize("weak", WEAK)
def test_a_password_change_explains_and_changes_nothing(alice: Person, weak: str) -> None:
    response = alice.client.post(
        "/accounts/password/",
        {"password": alice.password, "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    assert WEAK[weak].lower() in response.content.decode().lower()
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)


@pytest.mark.parametrize("weak", WEAK)
def test_recovery_explains_and_changes_nothing(alice: Person, weak: str) -> None:
    client = Client()
    response = client.post(
        "/accounts/forgot/",
        {
            "username": "alice",
            "recovery_code": alice.recovery_code,
            "new_password1": weak,
            "new_password2": weak,
        },
    )
    assert response.status_code == 200
    assert WEAK[weak].lower() in response.content.decode().lower()
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert "_auth_user_id" not in client.session


def test_the_page_states_the_rules(db: None) -> None:
    page = Client().get("/accounts/signup/").content.decode()
    for words in (
        "12 to 256 characters",
        "not a common password",
        "not only numbers or spaces",
        "not one character repeated",
        "not like your username",
    ):
        assert words in page
