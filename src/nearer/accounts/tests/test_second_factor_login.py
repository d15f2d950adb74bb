"""The login's code step (accounts:second_step): nothing opens before the right code."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from nearer.accounts.second_factor_models import SecondFactorPending
from nearer.accounts.tests.second_factor_helpers import code_in, password_step, turn_on
from nearer.accounts.views_second_factor import STEP_COOKIE
from nearer.conftest import Person
from nearer.vault.session import SESSION_DEK

STEP = "/accounts/login/code/"


def _wrong(secret: str) -> str:
    right = {code_in(secret, s) for s in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def test_the_password_alone_logs_nobody_in(alice: Person) -> None:
    turn_on(alice)
    client = Client()
    response = password_step(client, alice)
    assert response.status_code == 302 and response["Location"] == STEP
    assert "_auth_user_id" not in client.session
    assert SESSION_DEK not in client.session
    assert settings.VAULT_COOKIE_NAME not in response.cookies
    assert response.cookies[STEP_COOKIE]["httponly"]


def test_it_asks_for_the_code(alice: Person) -> None:
    turn_on(alice)
    client = Client()
    password_step(client, alice)
    response = client.get(STEP)
    assert response.status_code == 200
    assert b'autocomplete="one-time-code"' in response.content


def test_the_right_code_logs_in_and_starts_the_vault(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    response = client.post(STEP, {"code": code_in(secret, 1)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)
    assert SESSION_DEK in client.session
    assert response.cookies[settings.VAULT_COOKIE_NAME].value
    assert not SecondFactorPending.objects.exists()
    assert client.get("/").status_code == 200


def test_it_goes_on_to_the_page_asked_for(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice, next="/journal/")
    response = client.post(STEP, {"code": code_in(secret, 1)})
    assert response["Location"] == "/journal/"


def test_a_backup_code_logs_in_once(alice: Person) -> None:
    _, codes = turn_on(alice)
    client = Client()
    password_step(client, alice)
    assert client.post(STEP, {"code": codes[0]})["Location"] == "/"
    again = Client()
    password_step(again, alice)
    response = again.post(STEP, {"code": codes[0]})
    assert response.status_code == 200
    assert b"That code didn" in response.content
    assert "_auth_user_id" not in again.session


def test_a_wrong_code_says_so_and_logs_nobody_in(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    response = client.post(STEP, {"code": _wrong(secret)})
    assert response.status_code == 200
    assert b"That code didn" in response.content
    assert "_auth_user_id" not in client.session
    assert SESSION_DEK not in client.session


def test_an_empty_or_overlong_code_is_a_message(alice: Person) -> None:
    turn_on(alice)
    client = Client()
    password_step(client, alice)
    assert b"Please type the code" in client.post(STEP, {"code": ""}).content
    assert b"too long" in client.post(STEP, {"code": "1" * 21}).content


def test_without_the_cookie_it_goes_back_to_the_password(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    client.cookies.pop(STEP_COOKIE)
    response = client.post(STEP, {"code": code_in(secret, 1)})
    assert b"Please log in again" in response.content
    assert "_auth_user_id" not in client.session


def test_another_browser_cannot_use_the_step(alice: Person) -> None:
    secret, _ = turn_on(alice)
    password_step(Client(), alice)
    stranger = Client()
    response = stranger.post(STEP, {"code": code_in(secret, 1)})
    assert b"Please log in again" in response.content
    assert "_auth_user_id" not in stranger.session


def test_an_account_without_the_app_logs_in_with_the_password(alice: Person) -> None:
    client = Client()
    response = password_step(client, alice)
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)


def test_five_wrong_codes_close_the_step(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    wrong = _wrong(secret)
    for _ in range(4):
        assert client.post(STEP, {"code": wrong}).status_code == 200
    response = client.post(STEP, {"code": wrong})
    assert b"Please log in again" in response.content or b"Too many tries" in response.content
    after = client.post(STEP, {"code": code_in(secret, 1)})
    assert b"One more step" not in after.content
    assert "_auth_user_id" not in client.session


def test_the_code_step_stores_no_session_for_someone_not_logged_in(alice: Person) -> None:
    # Each stored session is kept for an hour: a flood of these must not fill the table.
    from nearer.accounts.models import AccountSession

    secret, _ = turn_on(alice)
    before = AccountSession.objects.count()
    Client().get(STEP)
    Client().post(STEP, {"code": "123456"})
    Client().post("/accounts/login/code/passkey/", {"credential": "{}"})
    client = Client()
    password_step(client, alice)
    for _ in range(5):
        client.post(STEP, {"code": _wrong(secret)})
    client.post("/accounts/login/code/passkey/", {"credential": "{}"})
    assert AccountSession.objects.count() == before


def _failed_signins(person: Person) -> int:
    from nearer.accounts.signins import signins_for

    return sum(not s.succeeded for s in signins_for(user=person.user, vault=person.vault))


def test_a_wrong_code_is_kept_as_a_failed_attempt(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    before = _failed_signins(alice)
    response = client.post(STEP, {"code": _wrong(secret)})
    assert response.status_code == 200
    assert _failed_signins(alice) == before + 1


def test_a_wrong_passkey_answer_is_kept_as_a_failed_attempt(alice: Person) -> None:
    import secrets

    from nearer.accounts.passkeys import passkey_keep

    turn_on(alice)
    passkey_keep(
        user=alice.user,
        vault=alice.vault,
        name="Laptop",
        credential_id=secrets.token_bytes(32),
        public_key=secrets.token_bytes(77),
        sign_count=0,
    )
    client = Client()
    password_step(client, alice)
    before = _failed_signins(alice)
    client.post("/accounts/login/code/passkey/", {"credential": '{"rawId": "nonsense"}'})
    assert _failed_signins(alice) == before + 1


def test_with_passkeys_alone_a_backup_code_passes_the_step(alice: Person) -> None:
    import secrets

    from nearer.accounts import second_factor
    from nearer.accounts.passkeys import passkey_keep

    passkey_keep(
        user=alice.user,
        vault=alice.vault,
        name="Laptop",
        credential_id=secrets.token_bytes(32),
        public_key=secrets.token_bytes(77),
        sign_count=0,
    )
    codes = second_factor.backup_codes_first(user=alice.user)
    assert codes is not None and len(codes) == 10
    assert second_factor.backup_codes_first(user=alice.user) is None  # kept, not replaced
    client = Client()
    response = password_step(client, alice)
    assert response["Location"] == STEP
    page = client.get(STEP).content.decode()
    assert "Please use your passkey, or type one of your backup codes" in page
    response = client.post(STEP, {"code": codes[0]})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)


def test_the_step_of_maya_is_the_same_whatever_case_she_types(db: None) -> None:
    from nearer.conftest import make_person

    maya = make_person("Maya")
    secret, _ = turn_on(maya)
    client = Client()
    response = client.post("/accounts/login/", {"username": "maya", "password": maya.password})
    assert response["Location"] == STEP
    response = client.post(STEP, {"code": code_in(secret, 1)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.user.pk)
