from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.moments.today import HANDFUL, today_context
from nearer.people.rules import DateDraft

pytestmark = pytest.mark.django_db


def test_it_invites_to_add_people_when_there_are_none(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    assert "Add the people who matter to you" in html


def test_today_shows_who_is_due_with_words_and_a_quick_log(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7, too_long_days=21)
    add_moment(alice, [ana], occurred_on=days_ago(9))
    html = alice.client.get("/").content.decode()
    assert "Ana" in html
    assert "status-due" in html and ">Due<" in html.replace("</span>Due", ">Due")
    assert f"/moments/quick/?person={ana.id}" in html
    assert f"/moments/snooze/{ana.id}/" in html
    assert "See everyone" in html


def test_never_more_than_a_handful_with_dates_kept(alice: Person, add_person: AddPerson) -> None:
    soon = timezone.localdate() + timedelta(days=3)
    for index in range(8):
        dates = [DateDraft(kind="birthday", month=soon.month, day=soon.day)] if index < 3 else []
        add_person(alice, name=f"Person {index}", rhythm_days=1, dates=dates)
    context = today_context(
        user=alice.user, vault=alice.vault, today=timezone.localdate() + timedelta(days=3), prefs={}
    )
    assert len(context["moments_nudges"]) + len(context["moments_dates"]) == HANDFUL
    assert len(context["moments_dates"]) == 2
    assert context["moments_more"] == 5
    assert context["moments_more_dates"] == 1


def test_it_opens_nothing_per_person(alice: Person, add_person: AddPerson) -> None:
    for index in range(30):
        add_person(alice, name=f"Person {index}", rhythm_days=7)
    with CaptureQueriesContext(connection) as queries:
        today_context(
            user=alice.user,
            vault=alice.vault,
            today=timezone.localdate() + timedelta(days=30),
            prefs={},
        )
    # The index, the clocks, the upcoming dates: a fixed handful whatever the number.
    assert len(queries) <= 4


def test_the_page_shows_upcoming_birthdays(alice: Person, add_person: AddPerson) -> None:
    soon = timezone.localdate() + timedelta(days=2)
    add_person(
        alice, name="Ana", dates=[DateDraft(kind="birthday", month=soon.month, day=soon.day)]
    )
    html = alice.client.get("/").content.decode()
    assert "Coming up" in html
    assert "in 2 days" in html


def test_a_name_with_markup_is_shown_as_text_in_nudges_and_dates(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    soon = timezone.localdate() + timedelta(days=3)
    ana = add_person(
        alice,
        name="<i>Ana</i> & 'Bo'",
        rhythm_days=7,
        dates=[
            DateDraft(kind="custom", month=soon.month, day=soon.day, label="<u>Walkabout</u> day")
        ],
    )
    add_moment(alice, [ana], occurred_on=days_ago(30))
    html = alice.client.get("/").content.decode()
    card = html[html.index('class="card today-people"') : html.index('class="card today-prompt"')]
    name = "&lt;i&gt;Ana&lt;/i&gt; &amp; &#x27;Bo&#x27;"
    # The nudge: the link, the quick log's and the snooze's hidden words.
    assert f'class="nudge-name" href="/people/{ana.id}/">{name}</a>' in card
    assert f"with {name}</span>" in card and f"({name})</span>" in card
    # The date coming up: whose it is and what it is.
    assert f'<a href="/people/{ana.id}/">{name}</a>: &lt;u&gt;Walkabout&lt;/u&gt; day,' in card
    assert "<i>" not in card and "<u>" not in card
