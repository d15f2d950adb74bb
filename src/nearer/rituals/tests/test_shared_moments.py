from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.models import Moment
from nearer.rituals.content import MAX_SHARED_NOTE
from nearer.rituals.models import SharedMoment
from nearer.rituals.partner import partner_person_id
from nearer.rituals.services import shared_moment_log, shared_moments_bring_in
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def log(paired: Paired, who: Person, note: str = "picnic under the walnut tree") -> SharedMoment:
    return shared_moment_log(
        user=who.user,
        vault=who.vault,
        space=paired.space(who),
        day=TODAY,
        today=TODAY,
        kinds=["experiential"],
        note=note,
    )


def notes(who: Person) -> list[str]:
    return [
        content_open(who.vault, m.id, m.content).note for m in Moment.objects.filter(owner=who.user)
    ]


def test_the_logger_has_it_at_once_with_their_partner(paired: Paired) -> None:
    log(paired, paired.alice)
    moment = Moment.objects.get(owner=paired.alice.user)
    person = partner_person_id(
        user=paired.alice.user, vault=paired.alice.vault, partner_id=paired.bob.user.pk
    )
    assert list(moment.people.values_list("id", flat=True)) == [person]
    assert notes(paired.alice) == ["picnic under the walnut tree"]
    assert not Moment.objects.filter(owner=paired.bob.user).exists()


def test_the_partner_gets_it_once_at_their_next_visit(paired: Paired) -> None:
    row = log(paired, paired.alice)
    bob = paired.bob
    assert (
        shared_moments_bring_in(
            user=bob.user, vault=bob.vault, space=paired.space(bob), today=TODAY
        )
        == 1
    )
    assert (
        shared_moments_bring_in(
            user=bob.user, vault=bob.vault, space=paired.space(bob), today=TODAY
        )
        == 0
    )
    assert notes(bob) == ["picnic under the walnut tree"]
    row.refresh_from_db()
    assert row.partner_brought_in_on == TODAY
    # The logger's own bring-in never copies their own moment a second time.
    alice = paired.alice
    assert (
        shared_moments_bring_in(
            user=alice.user, vault=alice.vault, space=paired.space(alice), today=TODAY
        )
        == 0
    )
    assert Moment.objects.filter(owner=alice.user).count() == 1


def test_a_post_in_the_space_brings_it_in_and_a_get_does_not(paired: Paired) -> None:
    log(paired, paired.alice)
    paired.bob.client.get("/together/rituals/moments/")
    assert not Moment.objects.filter(owner=paired.bob.user).exists()
    paired.bob.client.post("/together/rituals/check-in/together/")
    paired.bob.client.post("/together/rituals/check-in/together/")
    assert notes(paired.bob) == ["picnic under the walnut tree"]


@pytest.mark.parametrize(
    ("kinds", "note", "day_offset"),
    [
        ([], "fine", 0),
        (["sleeping"], "fine", 0),
        (["emotional"], "n" * (MAX_SHARED_NOTE + 1), 0),
        (["emotional"], "fine", 1),
    ],
)
def test_bad_moments_save_nothing(
    paired: Paired, kinds: list[str], note: str, day_offset: int
) -> None:
    alice = paired.alice
    with pytest.raises(ValidationError):
        shared_moment_log(
            user=alice.user,
            vault=alice.vault,
            space=paired.space(alice),
            day=TODAY + timedelta(days=day_offset),
            today=TODAY,
            kinds=kinds,
            note=note,
        )
    assert not SharedMoment.objects.exists()
    assert not Moment.objects.exists()


def test_the_partners_next_login_brings_it_in_once(paired: Paired) -> None:
    log(paired, paired.alice)
    bob = paired.bob
    for _ in range(2):
        response = Client().post("/accounts/login/", {"username": "bob", "password": bob.password})
        assert response.status_code == 302
    assert notes(bob) == ["picnic under the walnut tree"]
