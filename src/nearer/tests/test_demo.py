"""The demo account: a generated journal, built through the journal's services."""

from __future__ import annotations

import io
from datetime import date

import pytest

from nearer.accounts.models import User
from nearer.demo import DemoExistsError, build_demo, generate_entries
from nearer.journal.models import Entry
from nearer.journal.prompts import PROMPTS_BY_KEY

TODAY = date(2026, 5, 14)


def test_it_generates_entries_of_realistic_length_over_the_years() -> None:
    entries = list(generate_entries(years=10, entries=2000, today=TODAY))
    assert len(entries) == 2000
    assert entries[0].entry_date >= date(2016, 5, 14)
    assert entries[-1].entry_date <= TODAY
    assert [e.entry_date for e in entries] == sorted(e.entry_date for e in entries)
    words = sorted(len(e.body.split()) for e in entries)
    assert words[0] >= 120
    assert words[-1] <= 450
    assert 200 <= words[len(words) // 2] <= 330
    assert all(e.tags for e in entries)
    assert "{" not in "".join(e.body + e.title for e in entries)


def test_it_makes_some_entries_guided_by_known_prompts() -> None:
    entries = list(generate_entries(years=2, entries=500, today=TODAY))
    guided = [e for e in entries if e.prompt_key]
    assert 50 < len(guided) < 150
    assert all(e.prompt_key in PROMPTS_BY_KEY for e in guided)


def test_it_gives_the_same_journal_for_the_same_seed() -> None:
    first = list(generate_entries(years=1, entries=50, today=TODAY, seed=7))
    again = list(generate_entries(years=1, entries=50, today=TODAY, seed=7))
    other = list(generate_entries(years=1, entries=50, today=TODAY, seed=8))
    assert first == again
    assert first != other


@pytest.mark.django_db(transaction=True)
def test_it_builds_an_account_that_can_log_in_and_prints_the_login() -> None:
    out = io.StringIO()
    demo = build_demo(
        username="demo", password="a demo password 123", years=1, entries=40, people=12,
        moments=80, out=out,
    )
    assert demo.entries == 40
    assert Entry.objects.filter(owner__username="demo").count() == 40
    assert "username: demo" in out.getvalue()
    assert "password: a demo password 123" in out.getvalue()
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
    for url in ("/", "/people/", "/moments/", "/moments/drifting/", "/checkins/",
                "/scales/trends/"):
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
            username="Alice", password="a demo password 123", entries=5, people=3, moments=5,
            out=io.StringIO(),
        )
    assert Entry.objects.count() == 0
