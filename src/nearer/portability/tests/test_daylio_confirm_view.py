"""Confirming a Daylio import: the mapping as answered, all or nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability.daylio_import import daylio_prepare
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db

# The fixture's moods in the order found: good, rad, sleepy, meh, bad, awful.
ANSWERS = {f"mood_{i}": v for i, v in enumerate(["1", "2", "-2", "0", "-1", "skip"])}


def test_it_saves_as_mapped_and_says_what_was_added(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    response = alice.client.post(
        reverse("portability:daylio_confirm", args=[import_id]),
        {**ANSWERS, "notes": "journal"},
        follow=True,
    )
    said = response.content.decode()
    assert (
        "Import done: 5 check-ins added, and 3 journal entries; 1 row left out as you chose."
        in said
    )
    sleepy = CheckIn.objects.get(owner=alice.user, local_date="2024-03-15", at__hour__lt=12)
    assert content_open(alice.vault, sleepy.id, sleepy.content).pleasantness == -2
    assert Entry.objects.filter(owner=alice.user).count() == 3


def test_an_answer_off_the_list_shows_the_preview_again_and_saves_nothing(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    response = alice.client.post(
        reverse("portability:daylio_confirm", args=[import_id]),
        {**ANSWERS, "mood_1": "7", "notes": "checkin"},
    )
    assert response.status_code == 200
    assert "Please choose a listed feeling for “rad”." in response.content.decode()
    assert not CheckIn.objects.exists()
    assert PendingImport.objects.filter(id=import_id).exists()


def test_another_account_cannot_confirm(alice: Person, bob: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    response = bob.client.post(
        reverse("portability:daylio_confirm", args=[import_id]), {**ANSWERS, "notes": "checkin"}
    )
    assert response.status_code == 404
    assert not CheckIn.objects.exists()
