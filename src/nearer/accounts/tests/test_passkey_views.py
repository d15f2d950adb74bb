"""The passkey pages without a browser: options, adding, removing, the sign-in step.

The signatures themselves are checked in Chromium with a virtual authenticator
(tests/browser/test_passkey_journey.py); here, everything around them.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from django.test import Client

from nearer.accounts.passkeys import passkey_keep
from nearer.accounts.second_factor_models import Passkey
from nearer.accounts.tests.helpers import verified_address
from nearer.accounts.tests.second_factor_helpers import password_step, turn_on
from nearer.conftest import Person
from nearer.tests.smtp import Inbox


def _keep(person: Person, name: str) -> Passkey:
    return passkey_keep(
        user=person.user,
        vault=person.vault,
        name=name,
        credential_id=secrets.token_bytes(32),
        public_key=secrets.token_bytes(77),
        sign_count=0,
    )


def test_the_registration_options_are_json_with_a_challenge(alice: Person) -> None:
    turn_on(alice)
    response = alice.client.post("/accounts/second-step/passkeys/options/")
    assert response.status_code == 200
    options = json.loads(response.content)
    assert options["challenge"] and options["rp"]["name"] == "Nearer"


def test_a_passkey_needs_no_app_first(alice: Person) -> None:
    response = alice.client.post("/accounts/second-step/passkeys/options/")
    assert response.status_code == 200
    assert json.loads(response.content)["challenge"]


def test_an_answer_that_does_not_check_out_keeps_nothing(alice: Person) -> None:
    turn_on(alice)
    alice.client.post("/accounts/second-step/passkeys/options/")
    response = alice.client.post(
        "/accounts/second-step/passkeys/add/",
        {"name": "Laptop", "credential": '{"id": "nonsense"}'},
        follow=True,
    )
    assert b"could not be added" in response.content
    assert not Passkey.objects.exists()


def test_without_javascript_adding_says_what_it_needs(alice: Person) -> None:
    turn_on(alice)
    response = alice.client.post(
        "/accounts/second-step/passkeys/add/", {"name": "Laptop", "credential": ""}, follow=True
    )
    assert b"needs JavaScript" in response.content
    assert not Passkey.objects.exists()


def test_a_name_too_long_is_a_message(alice: Person) -> None:
    turn_on(alice)
    response = alice.client.post(
        "/accounts/second-step/passkeys/add/", {"name": "x" * 61, "credential": "{}"}, follow=True
    )
    assert b"60 characters" in response.content
    assert not Passkey.objects.exists()


def test_the_page_lists_the_names(alice: Person) -> None:
    turn_on(alice)
    _keep(alice, "Kitchen laptop passkeyname")
    assert b"Kitchen laptop passkeyname" in alice.client.get("/accounts/second-step/").content


def test_it_removes_ones_own_passkey(alice: Person) -> None:
    turn_on(alice)
    passkey = _keep(alice, "Old phone")
    response = alice.client.post(f"/accounts/second-step/passkeys/{passkey.id}/remove/")
    assert response.status_code == 302
    assert not Passkey.objects.exists()


def test_removing_anothers_passkey_is_not_found(alice: Person, charlie: Person) -> None:
    passkey = _keep(alice, "Old phone")
    response = charlie.client.post(f"/accounts/second-step/passkeys/{passkey.id}/remove/")
    assert response.status_code == 404
    assert Passkey.objects.filter(id=passkey.id).exists()


def test_turning_the_second_step_off_removes_passkeys(alice: Person) -> None:
    from nearer.accounts import second_factor

    turn_on(alice)
    _keep(alice, "Old phone")
    second_factor.second_factor_turn_off(user=alice.user)
    assert not Passkey.objects.exists()


def test_the_sign_in_options_need_the_pending_step(alice: Person) -> None:
    turn_on(alice)
    _keep(alice, "Laptop")
    assert Client().post("/accounts/login/code/passkey/options/").status_code == 404
    client = Client()
    password_step(client, alice)
    response = client.post("/accounts/login/code/passkey/options/")
    assert response.status_code == 200
    assert json.loads(response.content)["allowCredentials"]


def test_the_code_step_offers_a_passkey_only_to_those_with_one(alice: Person) -> None:
    turn_on(alice)
    client = Client()
    password_step(client, alice)
    assert b"Use a passkey" not in client.get("/accounts/login/code/").content
    _keep(alice, "Laptop")
    assert b"Use a passkey" in client.get("/accounts/login/code/").content


def test_a_forged_passkey_answer_logs_nobody_in(alice: Person) -> None:
    turn_on(alice)
    passkey = _keep(alice, "Laptop")
    client = Client()
    password_step(client, alice)
    client.post("/accounts/login/code/passkey/options/")
    raw = bytes(passkey.credential_id)
    import base64

    raw_id = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    forged = {
        "id": raw_id,
        "rawId": raw_id,
        "type": "public-key",
        "response": {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA"},
    }
    response = client.post("/accounts/login/code/passkey/", {"credential": json.dumps(forged)})
    assert response["Location"] == "/accounts/login/code/?passkey-failed=1"
    assert b"That passkey didn" in client.get(response["Location"]).content
    assert "_auth_user_id" not in client.session


def test_removing_the_last_passkey_asks_for_the_password_first(alice: Person) -> None:
    passkey = _keep(alice, "Only key")
    url = f"/accounts/second-step/passkeys/{passkey.id}/remove/"
    response = alice.client.post(url)
    assert response.status_code == 200
    assert b"This passkey is your only second step" in response.content
    assert Passkey.objects.filter(id=passkey.id).exists()
    response = alice.client.post(url, {"password": "not it at all, no"})
    assert b"current password" in response.content
    assert Passkey.objects.filter(id=passkey.id).exists()


def test_the_password_removes_the_last_passkey_and_turns_the_step_off(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    from nearer.accounts import second_factor

    passkey = _keep(alice, "Only key")
    second_factor.backup_codes_first(user=alice.user)
    verified_address(alice.user, "ally.orchard@example.org")
    url = f"/accounts/second-step/passkeys/{passkey.id}/remove/"
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.client.post(url, {"password": alice.password})
    assert response.status_code == 302
    assert not second_factor.second_factor_on(user=alice.user)
    assert second_factor.backup_codes_left(user=alice.user) == 0
    assert [m["Subject"] for m in smtp_server.messages] == ["The second step is off for Nearer"]
    login = Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert login["Location"] == "/"


def test_with_a_passkey_alone_the_login_asks_for_the_second_step(alice: Person) -> None:
    _keep(alice, "Only key")
    response = password_step(Client(), alice)
    assert response["Location"] == "/accounts/login/code/"


def test_the_overview_offers_the_app_and_passkeys_with_neither_on(alice: Person) -> None:
    html = alice.client.get("/accounts/second-step/").content.decode()
    assert "Set up an authenticator app" in html
    assert "Your first one comes with ten backup codes" in html
    assert "Turn the second step off" not in html
