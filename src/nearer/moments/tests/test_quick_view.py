from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.moments.tests.conftest import AddPerson, clock_of

pytestmark = pytest.mark.django_db


def test_it_prefills_the_person_and_shows_big_hows(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Anastasia")
    html = alice.client.get(f"/moments/quick/?person={ana.id}&next=/").content.decode()
    assert "Log a moment with Anastasia" in html
    assert f'type="hidden" name="people" value="{ana.id}"' in html
    assert 'type="radio" name="how"' in html
    assert "<legend>How?</legend>" in html


def test_a_few_taps_save_the_moment_and_go_back(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Anastasia")
    response = alice.client.post(
        "/moments/quick/",
        {
            "people": [str(ana.id)],
            "prefilled": "1",
            "how": "call",
            "next": "/",
            "occurred_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert Moment.objects.filter(owner=alice.user).count() == 1
    assert clock_of(ana) == timezone.localdate()


def test_without_how_it_asks_again_and_saves_nothing(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Anastasia")
    response = alice.client.post(
        "/moments/quick/",
        {
            "people": [str(ana.id)],
            "prefilled": "1",
            "next": "/",
            "occurred_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Choose how you were together." in response.content.decode()
    assert not Moment.objects.exists()


def test_a_strangers_person_id_is_refused(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice, name="Anastasia")
    response = charlie.client.post(
        "/moments/quick/",
        {
            "people": [str(ana.id)],
            "prefilled": "1",
            "how": "call",
            "occurred_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Anastasia" not in response.content.decode()
    assert not Moment.objects.exists()
    assert clock_of(ana) is None


def test_a_strangers_person_in_the_query_is_ignored(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice, name="Anastasia")
    response = charlie.client.get(f"/moments/quick/?person={ana.id}")
    assert response.status_code == 200
    assert "Anastasia" not in response.content.decode()


def test_it_never_goes_back_to_another_site(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Anastasia")
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = alice.client.post(
            "/moments/quick/",
            {
                "people": [str(ana.id)],
                "how": "call",
                "next": target,
                "occurred_on": timezone.localdate().isoformat(),
            },
        )
        assert response.status_code == 302
        assert response["Location"] == "/"


def test_a_future_day_is_refused(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Anastasia")
    response = alice.client.post(
        "/moments/quick/",
        {
            "people": [str(ana.id)],
            "how": "call",
            "occurred_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "come yet; choose today or earlier" in response.content.decode()
    assert not Moment.objects.exists()


def test_without_people_it_points_to_people(alice: Person) -> None:
    html = alice.client.get("/moments/quick/").content.decode()
    assert "Add the people who matter to you first" in html
