"""Security test 1: for every URL pattern that takes an object id, a stranger's GET and
POST on the owner's object give 404 and change nothing.

The sweep walks the project's URL resolver, so a new id-taking URL is covered as
soon as it exists; the self-check fails until ``samples.py`` knows how to make an
object for it.
"""

from __future__ import annotations

import pytest
from django.urls import resolve
from django.utils import timezone

from nearer.conftest import Person
from nearer.tests.security.samples import (
    ADMIN_NAMESPACE,
    ID_KWARGS,
    NOT_OBJECT_KWARGS,
    Route,
    Samples,
    admin_kwarg,
    database_snapshot,
    fill,
    make_samples,
    routes,
)

ALL_ROUTES = list(routes())
ID_ROUTES = [
    r
    for r in ALL_ROUTES
    if r.namespace != ADMIN_NAMESPACE and any((r.namespace, kw) in ID_KWARGS for kw in r.kwargs)
]
ADMIN_ROUTES = [r for r in ALL_ROUTES if r.namespace == ADMIN_NAMESPACE and r.kwargs]
PLAIN_GET_ROUTES = [r for r in ALL_ROUTES if not r.kwargs and r.namespace != ADMIN_NAMESPACE]


def _hostile_post(stranger: Person) -> dict[str, str]:
    """Form data shaped like every form Nearer has, from the stranger."""
    return {
        "title": "charlie was here",
        "body": "charlie was here",
        "tags": "charlie",
        "entry_date": timezone.localdate().isoformat(),
        "confirm": "on",
        "password": stranger.password,
        "display_name": "charlie",
        "time_zone": "UTC",
        "q": "owner-secret",
    }


def _url(route: Route, samples: Samples) -> str:
    values: dict[str, object] = {}
    for kw in route.kwargs:
        if route.namespace == ADMIN_NAMESPACE:
            values[kw] = admin_kwarg(samples, kw)
        elif (route.namespace, kw) in ID_KWARGS:
            values[kw] = ID_KWARGS[(route.namespace, kw)](samples)
        else:
            values[kw] = _harmless_value(route, kw)
    path = fill(route.route, values)
    resolved = resolve(path).route.replace("^", "")
    assert resolved == route.route.replace("^", ""), f"{path} does not resolve to {route.label}"
    return path


def _harmless_value(route: Route, kw: str) -> object:
    today = timezone.localdate()
    return {"year": today.year, "month": today.month, "day": today.day}.get(kw, "x")


def test_every_url_keyword_is_known_to_the_sweep() -> None:
    unknown = sorted(
        f"{r.label} <{kw}>"
        for r in ALL_ROUTES
        if r.namespace != ADMIN_NAMESPACE
        for kw in r.kwargs
        if (r.namespace, kw) not in ID_KWARGS and (r.namespace, kw) not in NOT_OBJECT_KWARGS
    )
    assert not unknown, (
        "These URL patterns take a keyword the IDOR sweep does not know. If it is an "
        "object id, make a sample object in nearer/tests/security/samples.py and add "
        "it to ID_KWARGS; otherwise add it to NOT_OBJECT_KWARGS with the reason: "
        + ", ".join(unknown)
    )


@pytest.mark.parametrize("route", ID_ROUTES, ids=lambda r: r.label)
def test_a_stranger_gets_404_and_changes_nothing(
    route: Route, alice: Person, charlie: Person
) -> None:
    target = make_samples(alice)
    probe = make_samples(alice, marker="probe")
    url = _url(route, target)
    before = database_snapshot()
    for method in ("get", "post"):
        data = _hostile_post(charlie) if method == "post" else None
        response = getattr(charlie.client, method)(url, data)
        if response.status_code == 405:
            # Refused by method before any lookup: the owner must get the same answer.
            owner = getattr(alice.client, method)(_url(route, probe), data)
            assert owner.status_code == 405, f"{method.upper()} {url}: 405 for stranger only"
        else:
            assert response.status_code == 404, f"{method.upper()} {url}"
        for word in target.words:
            assert word.encode() not in response.content
    assert database_snapshot() == before


@pytest.mark.parametrize("route", ID_ROUTES, ids=lambda r: r.label)
def test_the_owner_reaches_the_same_url(route: Route, alice: Person) -> None:
    # The control: the sweep's ids are real, so a 404 above means "not yours".
    samples = make_samples(alice)
    response = alice.client.get(_url(route, samples))
    assert response.status_code in (200, 302, 405), route.label


@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=lambda r: r.label)
def test_a_stranger_gets_nothing_from_the_admin(
    route: Route, alice: Person, charlie: Person
) -> None:
    samples = make_samples(alice)
    url = _url(route, samples)
    before = database_snapshot()
    for method in ("get", "post"):
        data = _hostile_post(charlie) if method == "post" else None
        response = getattr(charlie.client, method)(url, data)
        assert response.status_code in (302, 404), f"{method.upper()} {url}"
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/")
    assert database_snapshot() == before


@pytest.mark.parametrize("route", PLAIN_GET_ROUTES, ids=lambda r: r.label)
def test_no_page_shows_a_stranger_the_owners_words(
    route: Route, alice: Person, charlie: Person
) -> None:
    samples = make_samples(alice)
    response = charlie.client.get(fill(route.route, {}))
    for word in samples.words:
        assert word.encode() not in response.content, route.label


def test_the_sweep_found_the_journal() -> None:
    # Guards against a resolver walk that silently finds nothing.
    assert any(r.namespace == "accounts" for r in ALL_ROUTES)
    names = {r.name for r in ID_ROUTES}
    assert {"entry", "edit", "delete"} <= names


def test_a_stranger_cannot_reuse_the_owners_entry_id_as_a_draft_id(
    alice: Person, charlie: Person
) -> None:
    # Ids also travel in forms: a new entry's draft id makes retries safe. Someone
    # else's id must neither overwrite their entry nor fail loudly.
    from nearer.journal.models import Entry

    target = make_samples(alice)
    before = database_snapshot()
    charlie.client.raise_request_exception = False
    response = charlie.client.post(
        "/journal/new/",
        {
            "title": "charlie was here",
            "body": "charlie was here",
            "tags": "",
            "entry_date": timezone.localdate().isoformat(),
            "draft_id": str(target.entry.id),
        },
    )
    assert response.status_code == 302
    mine = Entry.objects.get(owner=charlie.user)
    assert mine.id != target.entry.id
    after = database_snapshot()
    after["journal.Entry"] = [row for row in after["journal.Entry"] if row["id"] != mine.id]
    # Charlie's own new entry went into charlie's month text of search, and only that.
    after["vault.DerivedValue"] = [
        row
        for row in after["vault.DerivedValue"]
        if (row["owner_id"], row["kind"]) != (charlie.user.pk, "journal.search")
    ]
    assert after == before


def test_care_names_the_owners_people_to_the_owner_only(alice: Person, charlie: Person) -> None:
    # Balance and care lists people by name: the owner's overdue inner-circle person
    # shows for the owner (so this can fail), never for a stranger.
    from nearer.tests.security.samples import add_every_shown_state

    samples = make_samples(alice)
    add_every_shown_state(samples, "owner-secret")
    name = b"owner-secret-overdue-person"
    assert name in alice.client.get("/insights/balance/").content
    shown = charlie.client.get("/insights/balance/").content
    for word in samples.words:
        assert word.encode() not in shown
