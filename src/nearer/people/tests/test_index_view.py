from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people import services
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db
URL = reverse("people:index")


def test_it_lists_people_by_circle_with_links(alice: Person, add_person: AddPerson) -> None:
    inner = add_person(alice, name="Maya", circle="inner", relationship="partner")
    add_person(alice, name="Jonas", circle="wider", relationship_label="climbing <buddy>")
    html = alice.client.get(URL).content.decode()
    assert html.index("Inner circle") < html.index("Maya") < html.index("Wider circle")
    assert html.index("Wider circle") < html.index("Jonas")
    assert reverse("people:person", kwargs={"person_id": inner.id}) in html
    assert "climbing &lt;buddy&gt;" in html
    assert reverse("people:new") in html
    assert reverse("people:archived") in html


def test_it_leaves_archived_people_out(alice: Person, add_person: AddPerson) -> None:
    gone = add_person(alice, name="Old friend")
    services.person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    assert b"Old friend" not in alice.client.get(URL).content


def test_search_is_a_post_and_finds_by_name(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya")
    add_person(alice, name="Jonas")
    response = alice.client.post(URL, {"q": "may"}, follow=True)
    assert response.redirect_chain[0][1] == 303
    assert response.status_code == 200
    assert b"Maya" in response.content and b"Jonas" not in response.content
    assert b"1 person found" in response.content


def test_an_empty_or_huge_search_gets_a_message_not_an_error(alice: Person) -> None:
    for data in ({}, {"q": ""}, {"q": "x" * 5000}):
        response = alice.client.post(URL, data)
        assert response.status_code == 200
        assert b'class="errors"' in response.content


def test_it_welcomes_someone_with_no_people_yet(alice: Person) -> None:
    assert b"Add someone" in alice.client.get(URL).content


def test_it_shows_only_ones_own_people(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Maya")
    assert b"Maya" not in charlie.client.get(URL).content


def test_it_needs_a_login() -> None:
    from django.test import Client

    assert Client().get(URL).status_code == 302


def test_it_links_to_drifting_and_import(alice: Person) -> None:
    html = alice.client.get(URL).content.decode()
    for name in ("people:import", "moments:drifting"):
        assert f'href="{reverse(name)}"' in html, name
