"""The reminders page: says what the email holds, saves choices, refuses bad input."""

from __future__ import annotations

from datetime import time

from django.test import Client

from nearer.conftest import Person, Response
from nearer.reminders.models import Reminder
from nearer.reminders.tests.conftest import verify_email

URL = "/reminders/"


def _post(person: Person, **fields: str) -> Response:
    data = {"send_at": "08:15", **fields}
    return person.client.post(URL, data)


def test_it_needs_a_login(client: Client, db: None) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_says_what_the_email_will_and_will_not_hold(alice: Person) -> None:
    page = alice.client.get(URL).content.decode()
    assert "never holds a name, a feeling, a count" in page
    assert "verified" in page and "/accounts/#email" in page


def test_a_verified_address_is_not_asked_for(alice: Person) -> None:
    verify_email(alice)
    page = alice.client.get(URL).content.decode()
    assert 'id="needs-email"' not in page


def test_saving_turns_kinds_on_at_the_chosen_time(alice: Person) -> None:
    response = _post(alice, checkin="on", birthday="on", quiet_from="21:00", quiet_until="07:00")
    assert response.status_code == 302
    row = Reminder.objects.get(owner=alice.user)
    assert row.kinds_on() == ["checkin", "birthday"]
    assert (row.send_at, row.quiet_from, row.quiet_until) == (time(8, 15), time(21), time(7))


def test_a_time_inside_quiet_hours_is_refused_and_changes_nothing(alice: Person) -> None:
    response = _post(alice, checkin="on", send_at="22:30", quiet_from="21:00", quiet_until="07:00")
    assert response.status_code == 400
    assert "inside your quiet hours" in response.content.decode()
    assert not Reminder.objects.filter(owner=alice.user).exists()


def test_half_of_the_quiet_hours_is_refused(alice: Person) -> None:
    response = _post(alice, checkin="on", quiet_from="21:00")
    assert response.status_code == 400
    assert "both ends of the quiet hours" in response.content.decode()


def test_a_time_that_is_not_one_is_a_clear_message(alice: Person) -> None:
    response = _post(alice, checkin="on", send_at="quarter past eight")
    assert response.status_code == 400
    assert "Please choose a time of day from the list" in response.content.decode()


def test_another_persons_choices_are_never_shown(alice: Person, bob: Person) -> None:
    _post(bob, people="on", send_at="06:45")
    page = alice.client.get(URL).content.decode()
    assert '<option value="06:45" selected>' not in page
    assert '<option value="09:00" selected>' in page
