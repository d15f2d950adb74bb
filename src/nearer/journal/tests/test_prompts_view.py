"""/journal/prompts/ and "give me a prompt"."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.journal.prompts import PROMPTS, THEMES


def test_it_lists_every_prompt_by_theme_with_a_link_to_write(alice: Person) -> None:
    html = alice.client.get("/journal/prompts/").content.decode()
    for theme in THEMES:
        assert f">{theme.name}</h2>" in html
    for prompt in PROMPTS:
        assert f'href="/journal/new/?prompt={prompt.key}"' in html


def test_give_me_a_prompt_goes_to_writing_about_it(alice: Person) -> None:
    response = alice.client.post("/journal/prompts/pick/", {"theme": "opening-up"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == "/journal/new/"
    key = parse_qs(target.query)["prompt"][0]
    assert key.startswith("opening-up.")
    assert preferences_get(user=alice.user, vault=alice.vault)["recent_prompts"] == [key]


def test_a_bad_theme_still_gives_a_prompt(alice: Person) -> None:
    response = alice.client.post("/journal/prompts/pick/", {"theme": "<script>"})
    assert response.status_code == 302
    assert response["Location"].startswith("/journal/new/?prompt=")


def test_picking_needs_a_post(alice: Person) -> None:
    assert alice.client.get("/journal/prompts/pick/").status_code == 405
