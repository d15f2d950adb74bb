"""The Today page: greeting, a prompt for the day, a way to write, the latest entries."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from django.test import Client
from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.models import Entry
from nearer.journal.prompts import PROMPTS_BY_KEY
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.today.views import greeting_for, next_step_of


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


def test_the_next_step_is_a_person_then_a_scale_then_a_prompt() -> None:
    assert next_step_of({"moments_nudges": [{}], "scales_due": object()}) == "person"
    assert next_step_of({"moments_nudges": [], "scales_due": object()}) == "scale"
    assert next_step_of({"moments_nudges": [], "scales_due": None}) == "prompt"


def _section(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[start : html.index("</section>", start)]


def test_the_check_in_comes_first_then_one_next_step_then_the_rest(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    checkin = html.index('class="card checkin-card"')
    first = html[html.index('class="today-first"') : html.index('class="today-more"')]
    # Exactly one next step beside the check-in, and it is after it.
    assert first.count("One next step") == 1
    assert first.index("checkin-card") < first.index("One next step")
    assert checkin < html.index("One next step") < html.index('class="today-more"')


def test_today_names_at_most_two_people_warmly_and_counts_no_one_else(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    names = [f"Quillanova{letter}" for letter in "ABCDE"]
    for name in names:
        person = add_person(alice, name=name, rhythm_days=7, too_long_days=14)
        add_moment(alice, [person], occurred_on=days_ago(40))
    html = alice.client.get("/").content.decode()
    people = _section(html, 'class="card today-people"')
    assert sum(name in people for name in names) == 2
    assert "more waiting" not in html
    nextstep = _section(html, 'class="today-next"')
    shown = [name for name in names if name in nextstep]
    assert len(shown) == 1
    assert f"A hello to {shown[0]}?" in nextstep and "might like to hear from you" in nextstep
    assert "See everyone" in people


def test_a_due_scale_is_the_next_step_when_no_one_is_waiting(alice: Person) -> None:
    # A new account has never taken a scale: the first one offered is due.
    html = alice.client.get("/").content.decode()
    first = html[html.index('class="today-first"') : html.index('class="today-more"')]
    assert "Two minutes for the " in first
    assert '<a class="button" href="/scales/' in first
    # The scale's own card (with "Not now") is further down, once.
    assert html.count('class="card scales-due"') == 1
    assert 'class="card scales-due"' not in first
    # The prompt is shown once, after the first screen.
    assert html.count('id="today-prompt"') == 1
    assert 'id="today-prompt"' not in first


def test_the_prompt_is_the_next_step_when_nothing_else_is(alice: Person) -> None:
    from nearer.scales.schedule import PREFS_KEY

    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    preferences_update(user=alice.user, vault=alice.vault, **{PREFS_KEY: {"snoozed_until": later}})
    html = alice.client.get("/").content.decode()
    first = html[html.index('class="today-first"') : html.index('class="today-more"')]
    assert 'class="card today-prompt"' in first
    assert "scales-due" not in html
    assert html.count('id="today-prompt"') == 1
