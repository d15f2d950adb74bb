from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.services import moment_create
from nearer.moments.tests.conftest import AddMoment, AddPerson, clock_of, days_ago

pytestmark = pytest.mark.django_db


def test_it_seals_everything_but_the_day_and_links(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    moment = add_moment(
        alice,
        [ana],
        occurred_on=days_ago(3),
        how="in_person",
        at=time(18, 30),
        minutes=90,
        kinds=["spiritual", "emotional"],
        closeness=4,
        opened_up="both",
        note="  We walked by the river.  ",
    )
    stored = Moment.objects.get(id=moment.id)
    assert b"river" not in bytes(stored.content)
    content = content_open(alice.vault, stored.id, stored.content)
    assert content.how == "in_person"
    assert content.time == "18:30"
    assert content.minutes == 90
    assert content.kinds == ("emotional", "spiritual")  # in the list's own order
    assert content.closeness == 4
    assert content.opened_up == "both"
    assert content.note == "We walked by the river."
    link = MomentPerson.objects.get(moment=stored)
    assert link.person_id == ana.id
    assert link.occurred_on == days_ago(3)


def test_it_resets_the_clock_of_everyone_there(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben = add_person(alice), add_person(alice, name="Ben")
    add_moment(alice, [ana, ben], occurred_on=days_ago(10))
    assert clock_of(ana) == clock_of(ben) == days_ago(10)
    add_moment(alice, [ana], occurred_on=days_ago(2))
    assert clock_of(ana) == days_ago(2)
    assert clock_of(ben) == days_ago(10)


def test_an_older_moment_does_not_move_the_clock_back(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    add_moment(alice, [ana], occurred_on=days_ago(1))
    add_moment(alice, [ana], occurred_on=days_ago(30))
    assert clock_of(ana) == days_ago(1)


def test_it_refuses_someone_elses_person_and_saves_nothing(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice)
    stranger = add_person(charlie, name="Charlie's friend")
    with pytest.raises(ValidationError) as caught:
        moment_create(
            user=alice.user,
            vault=alice.vault,
            occurred_on=timezone.localdate(),
            person_ids=[ana.id, stranger.id],
            how="call",
        )
    assert "people" in caught.value.message_dict
    assert not Moment.objects.exists()
    assert clock_of(ana) is None and clock_of(stranger) is None


@pytest.mark.parametrize("ids", [[], ["not-a-uuid"]])
def test_it_refuses_no_people_or_malformed_ids(alice: Person, ids: list[str]) -> None:
    with pytest.raises(ValidationError) as caught:
        moment_create(
            user=alice.user,
            vault=alice.vault,
            occurred_on=timezone.localdate(),
            person_ids=ids,
            how="call",
        )
    assert "people" in caught.value.message_dict


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("how", {"how": "telepathy"}),
        ("minutes", {"minutes": 0}),
        ("minutes", {"minutes": 10**7}),
        ("kinds", {"kinds": ["financial"]}),
        ("closeness", {"closeness": 6}),
        ("opened_up", {"opened_up": "everyone"}),
        ("note", {"note": "x" * 10_001}),
        ("occurred_on", {"occurred_on": timezone.localdate() + timedelta(days=5)}),
    ],
)
def test_it_names_each_bad_value_and_saves_nothing(
    alice: Person, add_person: AddPerson, field: str, values: dict[str, object]
) -> None:
    ana = add_person(alice)
    fields: dict[str, object] = {"occurred_on": timezone.localdate(), "how": "call", **values}
    with pytest.raises(ValidationError) as caught:
        moment_create(user=alice.user, vault=alice.vault, person_ids=[ana.id], **fields)  # type: ignore[arg-type]
    assert field in caught.value.message_dict
    assert not Moment.objects.exists()
    assert clock_of(ana) is None


def test_it_refuses_a_vault_that_is_not_the_users(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice)
    with pytest.raises(ValueError, match="vault"):
        moment_create(
            user=alice.user,
            vault=charlie.vault,
            occurred_on=timezone.localdate(),
            person_ids=[ana.id],
            how="call",
        )
