from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import MomentPerson
from nearer.opening.services import share_update
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_it_changes_the_words_and_people(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    share = add_share(alice, [ana], fear="old fear")
    share_update(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        text="new words",
        person_ids=[ben.id],
        fear="",
        hope="a new hope",
        anxiety_before=3,
    )
    content = opened(alice, share.id)[1]
    assert (content.text, content.people, content.fear, content.hope, content.anxiety_before) == (
        "new words",
        (str(ben.id),),
        "",
        "a new hope",
        3,
    )


def test_a_shared_shares_moment_follows_its_people(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    share = add_share(alice, [ana], shared_on=timezone.localdate())
    share_update(
        user=alice.user, vault=alice.vault, share_id=share.id, text="w", person_ids=[ben.id]
    )
    moment_id = opened(alice, share.id)[0].moment_id
    assert moment_id is not None
    people = MomentPerson.objects.filter(moment_id=moment_id).values_list("person_id", flat=True)
    assert list(people) == [ben.id]


def test_a_foreign_person_changes_nothing(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    share = add_share(alice, [ana], text="kept words")
    with pytest.raises(ValidationError):
        share_update(
            user=alice.user,
            vault=alice.vault,
            share_id=share.id,
            text="other words",
            person_ids=[add_person(charlie).id],
        )
    assert opened(alice, share.id)[1].text == "kept words"


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)], text="their words")
    with pytest.raises(Http404):
        share_update(
            user=alice.user,
            vault=alice.vault,
            share_id=theirs.id,
            text="x",
            person_ids=[add_person(alice).id],
        )
    assert opened(charlie, theirs.id)[1].text == "their words"
