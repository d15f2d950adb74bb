from __future__ import annotations

import uuid

import pytest

from nearer.conftest import Person
from nearer.opening.content import MAX_NOTE, MAX_TEXT
from nearer.opening.models import Share
from nearer.opening.services import share_prepare
from nearer.opening.tests.conftest import AddPerson, opened

pytestmark = pytest.mark.django_db


def test_the_page_states_its_limits_and_keeps_a_draft(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice)
    html = alice.client.get(f"/opening-up/new/?person={ana.id}").content.decode()
    assert f"Up to {MAX_TEXT:,} characters" in html and f"up to {MAX_NOTE:,} characters" in html
    assert 'data-draft-key="opening:new"' in html and 'name="draft_id"' in html
    assert f'value="{ana.id}" id="id_people_0" checked' in html
    for legend in ("With whom?", "How anxious do I feel about it now?"):
        assert f"<legend>{legend}</legend>" in html
    assert "0 · calm" in html and "10 · very anxious" in html


def test_it_saves_once_however_often_the_draft_is_sent(
    alice: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice)
    draft = str(uuid.uuid4())
    data = {"text": "I want to say thank you", "people": [str(ana.id)], "anxiety_before": "6"}
    for _ in range(2):
        response = alice.client.post("/opening-up/new/", {**data, "draft_id": draft})
        assert response.status_code == 302
        assert response["Location"] == f"/opening-up/{draft}/"
    assert Share.objects.count() == 1
    assert opened(alice, draft)[1].anxiety_before == 6


def test_a_foreign_person_is_a_form_error_and_nothing_saved(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    add_person(alice)
    theirs = add_person(charlie, name="Chen")
    response = alice.client.post("/opening-up/new/", {"text": "words", "people": [str(theirs.id)]})
    assert response.status_code == 200
    assert "Please choose people from your list." in response.content.decode()
    assert not Share.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "x" * (MAX_TEXT + 1)}, f"please keep it to {MAX_TEXT:,}"),
        ({"text": "words", "fear": "x" * (MAX_NOTE + 1)}, f"please keep it to {MAX_NOTE:,}"),
        ({"text": "words", "anxiety_before": "12"}, "Choose a number from 0 to 10."),
        ({"text": ""}, "Write a few words of what you want to say."),
    ],
)
def test_bad_input_is_a_clear_message(
    alice: Person, add_person: AddPerson, data: dict[str, str], message: str
) -> None:
    ana = add_person(alice)
    response = alice.client.post("/opening-up/new/", {**data, "people": [str(ana.id)]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "data-draft-errors" in response.content.decode()
    assert not Share.objects.exists()


def test_without_people_it_points_to_people(alice: Person) -> None:
    html = alice.client.get("/opening-up/new/").content.decode()
    assert "Add the people who matter to you first." in html and "<textarea" not in html


def test_someone_elses_share_id_as_a_draft_id_changes_nothing_of_theirs(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    theirs = share_prepare(
        user=alice.user, vault=alice.vault, text="Alicesownword", person_ids=[add_person(alice).id]
    )
    before = bytes(Share.objects.get(id=theirs.id).content)
    mine = add_person(charlie, name="Chen")
    response = charlie.client.post(
        "/opening-up/new/",
        {"text": "Charlieword", "people": [str(mine.id)], "draft_id": str(theirs.id)},
    )
    assert response.status_code == 302
    assert response["Location"] != f"/opening-up/{theirs.id}/"
    assert bytes(Share.objects.get(id=theirs.id).content) == before
    assert Share.objects.filter(owner=charlie.user).count() == 1
