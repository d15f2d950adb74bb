"""The demo account: every part built through its app, the login printed and working."""

from __future__ import annotations

import io

import pytest

from nearer.accounts.models import User
from nearer.demo import DemoExistsError, build_demo
from nearer.journal.models import Entry


@pytest.mark.django_db(transaction=True)
def test_it_builds_an_account_that_can_log_in_and_prints_the_login() -> None:
    out = io.StringIO()
    demo = build_demo(
        username="demo",
        password="a demo password 123",
        years=1,
        entries=40,
        people=12,
        moments=80,
        out=out,
    )
    assert demo.entries == 40
    assert Entry.objects.filter(owner__username="demo").count() == 40
    assert "username: demo" in out.getvalue()
    assert "password: a demo password 123" in out.getvalue()
    # It says what it planted for Insights to find.
    assert "Planted for Insights" in out.getvalue()
    from django.test import Client

    client = Client()
    response = client.post(
        "/accounts/login/", {"username": "demo", "password": "a demo password 123"}
    )
    assert response.status_code == 302
    # Every part of the demo opens with the key the login unlocked.
    assert (demo.people, demo.moments) == (12, 80)
    assert demo.checkins > 300
    assert demo.scale_results > 20
    assert (demo.shares, demo.deck_sessions) == (150, 300)
    for url in (
        "/",
        "/people/",
        "/moments/",
        "/moments/drifting/",
        "/checkins/",
        "/scales/trends/",
        "/opening-up/",
        "/opening-up/summary/",
        "/cards/",
        "/insights/",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert b"could not be opened" not in page.content, url


@pytest.mark.django_db
def test_it_makes_a_random_password_when_none_is_given() -> None:
    demo = build_demo(
        username="demo2", entries=1, people=0, checkins=False, scales=False, out=io.StringIO()
    )
    assert len(demo.password) >= 16
    assert User.objects.get(username="demo2").check_password(demo.password)


@pytest.mark.django_db
def test_it_refuses_an_existing_username_and_changes_nothing(alice: object) -> None:
    with pytest.raises(DemoExistsError):
        build_demo(
            username="Alice",
            password="a demo password 123",
            entries=5,
            people=3,
            moments=5,
            out=io.StringIO(),
        )
    assert Entry.objects.count() == 0
