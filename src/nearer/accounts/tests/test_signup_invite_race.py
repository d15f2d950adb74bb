"""Two sign-ups with one invite code at the same moment: one account, one refusal.

On PostgreSQL the conditional UPDATE that takes the invite waits for the first
sign-up's row lock and then finds the invite used; SQLite lets one writer in at a
time, so there it is the plain case.
"""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from nearer.accounts.invites import signup_invite_create
from nearer.accounts.models import SignupInvite, User
from nearer.accounts.services import user_sign_up

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "violet harbour juniper compass"


def test_one_code_used_at_once_makes_one_account() -> None:
    code = signup_invite_create().code
    barrier = threading.Barrier(2, timeout=5)
    made: list[str] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def sign_up(name: str) -> None:
        try:
            barrier.wait()
            user_sign_up(username=name, password=PASSWORD, invite_code=code)
            made.append(name)
        except ValidationError as exc:
            assert "invite" in exc.message_dict
            refused.append(name)
        except BaseException as exc:  # the test reports any other failure
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in ("racerone", "racertwo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert len(made) == 1 and len(refused) == 1
    assert (
        list(User.objects.filter(username__startswith="racer").values_list("username", flat=True))
        == made
    )
    assert SignupInvite.objects.get().used_at is not None
