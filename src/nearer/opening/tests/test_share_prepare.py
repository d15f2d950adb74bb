from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.opening.content import MAX_NOTE, MAX_PEOPLE, MAX_TEXT
from nearer.opening.models import Share
from nearer.opening.services import share_prepare
from nearer.opening.tests.conftest import AddPerson, opened

pytestmark = pytest.mark.django_db


def test_it_seals_what_i_want_to_say(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana")
    share = share_prepare(
        user=alice.user,
        vault=alice.vault,
        text="  I miss our long walks  ",
        person_ids=[str(ana.id)],
        fear="that she laughs",
        hope="that we walk again",
        anxiety_before=7,
    )
    stored, content = opened(alice, share.id)
    assert stored.state == Share.State.PREPARING and stored.moment_id is None
    assert (content.text, content.fear, content.hope, content.anxiety_before) == (
        "I miss our long walks",
        "that she laughs",
        "that we walk again",
        7,
    )
    assert content.people == (str(ana.id),)
    assert b"long walks" not in bytes(stored.content)


def test_a_person_of_someone_else_is_refused(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana, theirs = add_person(alice), add_person(charlie, name="Chen")
    with pytest.raises(ValidationError) as caught:
        share_prepare(
            user=alice.user, vault=alice.vault, text="words", person_ids=[ana.id, theirs.id]
        )
    assert caught.value.message_dict["people"] == ["Please choose people from your list."]
    assert not Share.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "x" * (MAX_TEXT + 1)}, "text"),
        ({"fear": "x" * (MAX_NOTE + 1)}, "fear"),
        ({"hope": "x" * (MAX_NOTE + 1)}, "hope"),
        ({"anxiety_before": 11}, "anxiety_before"),
        ({"anxiety_before": -1}, "anxiety_before"),
        ({"person_ids": []}, "people"),
        ({"person_ids": ["not-an-id"]}, "people"),
    ],
)
def test_bad_values_save_nothing(
    alice: Person, add_person: AddPerson, fields: dict[str, object], field: str
) -> None:
    ana = add_person(alice)
    values: dict[str, object] = {"text": "words", "person_ids": [ana.id], **fields}
    with pytest.raises(ValidationError) as caught:
        share_prepare(user=alice.user, vault=alice.vault, **values)  # type: ignore[arg-type]
    assert field in caught.value.message_dict
    assert not Share.objects.exists()


def test_more_than_the_most_people_is_refused(alice: Person, add_person: AddPerson) -> None:
    people = [add_person(alice, name=f"Person {n}") for n in range(MAX_PEOPLE + 1)]
    with pytest.raises(ValidationError) as caught:
        share_prepare(
            user=alice.user, vault=alice.vault, text="words", person_ids=[p.id for p in people]
        )
    assert caught.value.message_dict["people"] == [f"Please choose at most {MAX_PEOPLE} people."]


def test_the_same_draft_twice_is_one_share(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice)
    draft = uuid.uuid4()
    for text in ("first words", "second words"):
        share_prepare(
            user=alice.user, vault=alice.vault, text=text, person_ids=[ana.id], share_id=draft
        )
    assert Share.objects.count() == 1
    assert opened(alice, draft)[1].text == "second words"


def test_a_draft_id_of_someone_else_makes_a_new_share(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    theirs = share_prepare(
        user=charlie.user, vault=charlie.vault, text="mine", person_ids=[add_person(charlie).id]
    )
    share = share_prepare(
        user=alice.user,
        vault=alice.vault,
        text="alice words",
        person_ids=[add_person(alice).id],
        share_id=theirs.id,
    )
    assert share.id != theirs.id
    assert opened(charlie, theirs.id)[1].text == "mine"
