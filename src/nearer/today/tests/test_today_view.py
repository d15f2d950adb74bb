"""The Today page: greeting, a prompt for the day, a way to write, the latest entries."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from django.test import Client

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.models import Entry
from nearer.journal.prompts import PROMPTS_BY_KEY
from nearer.today.views import greeting_for


def _write(person: Person, title: str, day: int) -> Entry:
    return services.entry_create(
        user=person.user,
        vault=person.vault,
        entry_date=date(2026, 5, day),
        title=title,
        body="words",
        tags=[],
    )


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_greets_by_display_name(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    assert ", Ally.</h1>" in alice.client.get("/").content.decode()


def test_it_greets_by_username_without_a_display_name(alice: Person) -> None:
    assert ", alice.</h1>" in alice.client.get("/").content.decode()


def test_it_suggests_a_prompt_with_a_link_to_write_about_it(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    keys = [key for key in PROMPTS_BY_KEY if f'/journal/new/?prompt={key}"' in html]
    assert len(keys) == 1
    assert PROMPTS_BY_KEY[keys[0]].text in html.replace("&#x27;", "'")
    assert 'action="/another-prompt/"' in html
    # Showing it is not "seeing" it: the page is the same on a reload.
    assert f'?prompt={keys[0]}"' in alice.client.get("/").content.decode()


def test_another_prompt_shows_a_new_prompt_on_today_not_the_editor(alice: Person) -> None:
    before = alice.client.get("/").content.decode()
    (shown,) = [key for key in PROMPTS_BY_KEY if f'/journal/new/?prompt={key}"' in before]
    response = alice.client.post("/another-prompt/")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == "/" and target.fragment == "today-prompt"
    (chosen,) = parse_qs(target.query)["prompt"]
    assert chosen != shown
    after = alice.client.get(response["Location"]).content.decode()
    assert f'/journal/new/?prompt={chosen}"' in after
    assert PROMPTS_BY_KEY[chosen].text in after.replace("&#x27;", "'")
    assert 'name="body"' not in after  # the editor opens only when they choose to write


def test_an_unknown_prompt_in_the_address_gives_the_days_prompt(alice: Person) -> None:
    day = alice.client.get("/").content.decode()
    odd = alice.client.get("/?prompt=%3Cscript%3E").content.decode()
    assert odd.count("/journal/new/?prompt=") == day.count("/journal/new/?prompt=") == 1
    assert "<script>" not in odd


def test_another_prompt_needs_a_post(alice: Person) -> None:
    assert alice.client.get("/another-prompt/").status_code == 405


def test_it_shows_the_five_latest_entries(alice: Person) -> None:
    for day in range(1, 8):
        _write(alice, f"Entry of day {day}", day)
    html = alice.client.get("/").content.decode()
    for day in (7, 6, 5, 4, 3):
        assert f"Entry of day {day}<" in html
    assert "Entry of day 2<" not in html
    assert 'href="/journal/"' in html


def test_it_invites_a_first_entry(alice: Person) -> None:
    assert "Nothing here yet" in alice.client.get("/").content.decode()


def test_it_shows_none_of_someone_elses_entries(alice: Person, charlie: Person) -> None:
    _write(alice, "Alice only", 1)
    assert "Alice only" not in charlie.client.get("/").content.decode()


def test_greetings_follow_the_hour() -> None:
    assert greeting_for(6) == "Good morning"
    assert greeting_for(13) == "Good afternoon"
    assert greeting_for(19) == "Good evening"
    assert greeting_for(2) == "Hello"
