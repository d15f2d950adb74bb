from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.selectors import entry_for
from nearer.lib.drafts import SAVED_DRAFTS
from nearer.review.models import WeekReview
from nearer.review.services import MAX_ANSWER
from nearer.review.tests.conftest import this_week

pytestmark = pytest.mark.django_db


def test_saving_makes_a_journal_entry_and_shows_it(alice: Person) -> None:
    week = this_week().isoformat()
    response = alice.client.post("/review/save/", {"week": week, "answer": "Quiet and kindpoiuy"})
    assert response.status_code == 302
    entry = Entry.objects.get(owner=alice.user)
    assert response["Location"] == reverse("journal:entry", args=[entry.id])
    assert (
        "Quiet and kindpoiuy"
        in entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id).body
    )
    # The browser is told to forget the kept draft of this week's answer.
    assert alice.client.session[SAVED_DRAFTS] == [f"review:{week}"]


def test_saving_again_keeps_one_entry_and_says_so(alice: Person) -> None:
    week = this_week().isoformat()
    alice.client.post("/review/save/", {"week": week, "answer": "one"})
    alice.client.post("/review/save/", {"week": week, "answer": "two"})
    assert Entry.objects.filter(owner=alice.user).count() == 1
    html = alice.client.get("/review/").content.decode()
    assert "Saving again updates that same entry" in html
    assert "Update the journal entry" in html


def test_an_answer_too_long_is_sent_back_with_the_limit(alice: Person) -> None:
    response = alice.client.post(
        "/review/save/", {"week": this_week().isoformat(), "answer": "y" * (MAX_ANSWER + 1)}
    )
    assert response.status_code == 400
    assert f"{MAX_ANSWER:,} characters" in response.content.decode()
    assert "data-draft-errors" in response.content.decode()
    assert not Entry.objects.exists() and not WeekReview.objects.exists()


def test_a_bad_week_changes_nothing(alice: Person) -> None:
    response = alice.client.post("/review/save/", {"week": "1800-01-01", "answer": "x"})
    assert response.status_code == 302
    assert not Entry.objects.exists() and not WeekReview.objects.exists()


def test_coming_back_after_logging_in_leads_to_that_weeks_review(alice: Person) -> None:
    week = (this_week() - timedelta(weeks=2)).isoformat()
    response = alice.client.get("/review/save/", {"week": week})
    assert response.status_code == 302
    assert response["Location"] == f"/review/?week={week}"
    assert not Entry.objects.exists()


def test_the_form_sends_its_week_in_the_address_too(alice: Person) -> None:
    week = this_week().isoformat()
    assert f'action="/review/save/?week={week}"' in alice.client.get("/review/").content.decode()
