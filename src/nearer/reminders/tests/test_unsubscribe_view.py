"""The unsubscribe link: one button on GET, turned off on POST (one-click, no login,
no CSRF token), and a kind page for a tampered or retired link."""

from __future__ import annotations

import base64

from django.test import Client

from nearer.conftest import Person
from nearer.reminders.models import Reminder
from nearer.reminders.tests.conftest import turn_on
from nearer.reminders.tokens import token_make


def _url(person: Person, kind: str = "people") -> str:
    row = Reminder.objects.get(owner=person.user)
    token = token_make(owner_id=person.user.pk, kind=kind, generation=row.link_generation)
    return f"/reminders/unsubscribe/{token}/"


def test_get_shows_one_button_and_changes_nothing(alice: Person) -> None:
    turn_on(alice, ["people", "checkin"])
    response = Client().get(_url(alice))
    assert response.status_code == 200
    assert "Stop this reminder" in response.content.decode()
    assert Reminder.objects.get(owner=alice.user).people is True


def test_the_mail_clients_one_click_post_turns_that_kind_off_only(alice: Person) -> None:
    turn_on(alice, ["people", "checkin"])
    client = Client(enforce_csrf_checks=True)
    response = client.post(_url(alice), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    row = Reminder.objects.get(owner=alice.user)
    assert (row.people, row.checkin) == (False, True)


def test_turning_off_the_last_kind_empties_the_clear_dates(alice: Person) -> None:
    turn_on(alice, ["scale"], zone="Asia/Tokyo")
    assert Reminder.objects.get(owner=alice.user).scale_due_on is not None
    Client().post(_url(alice, "scale"))
    row = Reminder.objects.get(owner=alice.user)
    assert (row.scale, row.scale_due_on, row.time_zone) == (False, None, "")


def test_a_tampered_token_is_a_kind_page_and_changes_nothing(alice: Person) -> None:
    turn_on(alice, ["people"])
    url = _url(alice)
    tampered = url.replace("/unsubscribe/", "/unsubscribe/x")
    for response in (Client().get(tampered), Client().post(tampered)):
        assert response.status_code == 400
        assert "This link no longer works" in response.content.decode()
    assert Reminder.objects.get(owner=alice.user).people is True


def test_a_link_for_another_account_cannot_be_made_by_changing_its_number(
    alice: Person, bob: Person
) -> None:
    turn_on(alice, ["people"])
    turn_on(bob, ["people"])
    token = _url(alice).split("/")[3]
    payload, rest = token.split(":", 1)
    forged = base64.urlsafe_b64encode(f'[{bob.user.pk},"people",1]'.encode()).decode().rstrip("=")
    response = Client().post(f"/reminders/unsubscribe/{forged}:{rest}/")
    assert response.status_code == 400
    assert payload != forged
    assert Reminder.objects.get(owner=bob.user).people is True


def test_turning_a_kind_on_again_retires_the_older_links(alice: Person) -> None:
    turn_on(alice, ["people"])
    old = _url(alice)
    Client().post(old)
    turn_on(alice, ["people"])
    response = Client().post(old)
    assert response.status_code == 400
    assert Reminder.objects.get(owner=alice.user).people is True


def test_a_very_long_token_is_refused_without_work(db: None) -> None:
    # Not a signed link's shape: the URL resolver refuses it before the view runs.
    response = Client().get(f"/reminders/unsubscribe/{'a' * 5000}/")
    assert response.status_code == 404
    response = Client().get(f"/reminders/unsubscribe/{'a' * 400}:1abcde:{'b' * 40}/")
    assert response.status_code == 404
