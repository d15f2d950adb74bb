"""Get help now: open to everyone, the operator's help lines, someone close to reach."""

from __future__ import annotations

from django.test import Client, override_settings

from nearer.conftest import Person
from nearer.lib.help_lines import DEFAULT_EMERGENCY


def test_it_is_open_without_a_login_and_names_no_country_number(db: None) -> None:
    response = Client().get("/help/")
    html = response.content.decode()
    assert response.status_code == 200
    assert DEFAULT_EMERGENCY in html
    assert "Find A Helpline" in html and "Befrienders Worldwide" in html
    for number in ("911", "999", "112", "988"):
        assert f">{number}<" not in html


def test_every_page_links_to_it(alice: Person) -> None:
    for page in ("/", "/scales/", "/journal/", "/accounts/"):
        html = alice.client.get(page, follow=True).content.decode()
        assert 'href="/help/"' in html


@override_settings(
    HELP_EMERGENCY="In danger? Call 000 here.",
    HELP_LINES=[
        ("Lifeline", "13 11 14", "Any time"),
        ("Site", "https://example.org", ""),
        ("Text line", "text HELLO to 741741", ""),
    ],
)
def test_it_shows_the_operators_lines(db: None) -> None:
    html = Client().get("/help/").content.decode()
    assert "In danger? Call 000 here." in html
    assert '<a href="tel:131114">13 11 14</a>' in html
    assert '<a href="https://example.org" rel="noopener noreferrer">' in html
    assert "text HELLO to 741741" in html


def test_it_names_up_to_three_people_of_the_inner_circle(alice: Person) -> None:
    from nearer.people.content import PersonDetails
    from nearer.people.services import person_create

    for name in ("Ana", "Ben", "Cleo", "Dev"):
        person_create(
            user=alice.user, vault=alice.vault, details=PersonDetails(name=name, circle="inner")
        )
    person_create(
        user=alice.user, vault=alice.vault, details=PersonDetails(name="Wide Wanda", circle="wider")
    )
    html = alice.client.get("/help/").content.decode()
    assert "From your inner circle" in html
    assert (
        html.count("<li>Ana</li>")
        + html.count("<li>Ben</li>")
        + html.count("<li>Cleo</li>")
        + html.count("<li>Dev</li>")
        == 3
    )
    assert "Wide Wanda" not in html


def test_nobody_is_named_to_a_logged_out_visitor(db: None) -> None:
    assert b"From your inner circle" not in Client().get("/help/").content
