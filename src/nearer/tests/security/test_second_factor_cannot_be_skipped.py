"""Security: after the password of an account with a second factor, no page of the
urlconf shows the person's words, logs them in or starts the vault before the code.

The sweep walks every URL pattern (as the IDOR sweep does), GET and POST, with the
browser that has just passed the password step; the control at the end shows the
same browser sees the words once the code is typed, so the sweep can fail.
"""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.utils import timezone

from nearer.accounts.tests.second_factor_helpers import code_in, password_step, turn_on
from nearer.conftest import Person
from nearer.tests.security.samples import (
    ADMIN_NAMESPACE,
    ID_KWARGS,
    Route,
    Samples,
    admin_kwarg,
    fill,
    make_samples,
    routes,
)
from nearer.vault.session import SESSION_DEK


def _path(route: Route, samples: Samples) -> str:
    today = timezone.localdate()
    values: dict[str, object] = {}
    for kw in route.kwargs:
        if route.namespace == ADMIN_NAMESPACE:
            values[kw] = admin_kwarg(samples, kw)
        elif (route.namespace, kw) in ID_KWARGS:
            values[kw] = ID_KWARGS[(route.namespace, kw)](samples)
        else:
            values[kw] = {"year": today.year, "month": today.month, "day": today.day}.get(kw, "x")
    return fill(route.route, values)


def _assert_nothing_open(client: Client, response: object, where: str, samples: Samples) -> None:
    content = getattr(response, "content", b"")
    for word in samples.words:
        assert word.encode() not in content, where
    assert "_auth_user_id" not in client.session, where
    assert SESSION_DEK not in client.session, where
    cookies = getattr(response, "cookies", {})
    assert (
        settings.VAULT_COOKIE_NAME not in cookies or not cookies[settings.VAULT_COOKIE_NAME].value
    )


def test_no_url_opens_anything_between_the_password_and_the_code(alice: Person) -> None:
    samples = make_samples(alice)
    secret, _ = turn_on(alice)
    client = Client(raise_request_exception=False)
    assert password_step(client, alice).status_code == 302
    every = list(routes())
    assert len(every) > 50  # the walk found the urlconf, not nothing
    for route in every:
        path = _path(route, samples)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            _assert_nothing_open(client, response, f"{method.upper()} {path}", samples)
    # The control: the same browser, after the code, reads the journal entry.
    done = client.post("/accounts/login/code/", {"code": code_in(secret, 1)})
    assert done.status_code == 302
    entry = client.get(f"/journal/{samples.entry.id}/")
    assert any(word.encode() in entry.content for word in samples.words)
