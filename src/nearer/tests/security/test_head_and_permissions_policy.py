"""Security and HTTP: every page answers HEAD as it answers GET, and every response
carries a Permissions-Policy that denies the powerful browser features Nearer never uses.

The HEAD sweep walks every route of our apps with the owner's own objects in the URL
(as the IDOR sweep does); a route that refuses GET (POST-only) must refuse HEAD too.
"""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from nearer.conftest import Person
from nearer.decks.cards import CARDS
from nearer.tests.security.samples import (
    ADMIN_NAMESPACE,
    ID_KWARGS,
    Route,
    Samples,
    fill,
    make_samples,
    routes,
)

APP_ROUTES = [r for r in routes() if r.namespace != ADMIN_NAMESPACE]
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]


def _path(route: Route, samples: Samples) -> str:
    today = timezone.localdate()
    plain = {
        "year": today.year,
        "month": today.month,
        "day": today.day,
        "scale_key": "who5",
        "card_id": CARDS[0].id,
        # A signed link's shape (a forged one: the page answers it, calmly, the same way).
        "token": "eyJub3QiOiJzaWduZWQifQ:1abcde:forgedsignatureforgedsignature",
    }
    values: dict[str, object] = {
        kw: ID_KWARGS[(route.namespace, kw)](samples)
        if (route.namespace, kw) in ID_KWARGS
        else plain[kw]
        for kw in route.kwargs
    }
    return fill(route.route, values)


def test_every_page_that_answers_get_answers_head_the_same(alice: Person) -> None:
    samples = make_samples(alice)
    answered: dict[str, int] = {}
    wrong: list[str] = []
    for route in APP_ROUTES:
        path = _path(route, samples)
        got = alice.client.get(path).status_code
        head = alice.client.head(path)
        if got == 405:
            if head.status_code != 405:
                wrong.append(f"{path}: GET 405, HEAD {head.status_code}")
            continue
        answered[route.label] = got
        if head.status_code != got:
            wrong.append(f"{path}: GET {got}, HEAD {head.status_code}")
        if head.content:
            wrong.append(f"{path}: HEAD sent a body")
    assert not wrong, "\n".join(wrong)
    # The sweep reached the main pages, with the owner's objects, as 200s.
    ok = {label.split(" ")[0] for label, status in answered.items() if status == 200}
    for name in (
        "today:index",
        "journal:month",
        "journal:entry",
        "people:person",
        "checkins:day",
        "people:index",
        "scales:take",
        "moments:index",
    ):
        assert name in ok, f"{name} did not answer GET with 200"


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/accounts/signup/", "/accounts/forgot/", "/help/"]
)
def test_the_public_pages_answer_head(db: None, path: str) -> None:
    response = Client().head(path)
    assert response.status_code == Client().get(path).status_code == 200
    assert response.content == b""


def _policy(header: str) -> dict[str, str]:
    parts = (part.strip().split("=", 1) for part in header.split(","))
    return {name.strip(): allow.strip() for name, allow in parts}


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/", "/not-a-page-at-all/", "/static/nearer/nearer.css"]
)
def test_every_response_denies_the_powerful_features(db: None, path: str) -> None:
    response = Client().get(path)
    policy = _policy(response["Permissions-Policy"])
    for feature in DENIED_FEATURES:
        assert policy[feature] == "()", feature


def test_a_logged_in_page_denies_the_powerful_features(alice: Person) -> None:
    response = alice.client.get("/")
    assert response.status_code == 200
    policy = _policy(response["Permissions-Policy"])
    assert all(policy[feature] == "()" for feature in DENIED_FEATURES)


@override_settings(ROOT_URLCONF="nearer.tests.security.urls_with_error")
def test_a_server_error_page_denies_the_powerful_features(db: None) -> None:
    response = Client(raise_request_exception=False).get("/test-only/boom/")
    assert response.status_code == 500
    policy = _policy(response["Permissions-Policy"])
    assert all(policy[feature] == "()" for feature in DENIED_FEATURES)
