"""moments_create_many: many moments checked one by one, saved at once, counted once."""

from __future__ import annotations

from datetime import date, time
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.kinds_by_day import KINDS_BY_DAY
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.openness import OPENNESS
from nearer.moments.services import moments_create_many
from nearer.moments.tests.conftest import AddPerson, clock_of
from nearer.vault.derived import derived_read
from nearer.vault.models import WHOLE_ACCOUNT

pytestmark = pytest.mark.django_db

MARCH, MAY = date(2025, 3, 14), date(2025, 5, 2)


def test_every_moment_is_saved_sealed_linked_and_counted(
    alice: Person, add_person: AddPerson
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    made = moments_create_many(
        user=alice.user,
        vault=alice.vault,
        moments=[
            {
                "occurred_on": MARCH,
                "person_ids": [ana.id],
                "how": "call",
                "kinds": ["emotional"],
                "opened_up": "both",
                "note": "a long quiet talk",
            },
            {
                "occurred_on": MAY,
                "person_ids": [ana.id, ben.id],
                "how": "in_person",
                "at": time(18, 30),
                "minutes": 90,
            },
        ],
    )
    assert [m.occurred_on for m in made] == [MARCH, MAY]
    first = content_open(alice.vault, made[0].id, Moment.objects.get(id=made[0].id).content)
    assert (first.note, first.kinds, first.opened_up) == (
        "a long quiet talk",
        ("emotional",),
        "both",
    )
    assert MomentPerson.objects.filter(moment_id=made[1].id).count() == 2
    assert (clock_of(ana), clock_of(ben)) == (MAY, MAY)
    # The derived counts are the ones the rows give.
    opened = derived_read(OPENNESS, user=alice.user, vault=alice.vault)
    assert opened == OPENNESS.compute(alice.user.pk, alice.vault, WHOLE_ACCOUNT)
    counted = derived_read(KINDS_BY_DAY, user=alice.user, vault=alice.vault)
    assert counted == KINDS_BY_DAY.compute(alice.user.pk, alice.vault, WHOLE_ACCOUNT)
    kinds = derived_read(KINDS_BY_DAY, user=alice.user, vault=alice.vault)
    assert kinds.days[MARCH.toordinal()][:4] == (1, 0, 0, 1)


def test_one_bad_moment_saves_none(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana")
    with pytest.raises(ValidationError):
        moments_create_many(
            user=alice.user,
            vault=alice.vault,
            moments=[
                {"occurred_on": MARCH, "person_ids": [ana.id], "how": "call"},
                {"occurred_on": MAY, "person_ids": [uuid4()], "how": "call"},
            ],
        )
    assert not Moment.objects.filter(owner=alice.user).exists()


def test_someone_elses_person_is_refused(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    theirs = add_person(charlie, name="Dara")
    with pytest.raises(ValidationError):
        moments_create_many(
            user=alice.user,
            vault=alice.vault,
            moments=[{"occurred_on": MAY, "person_ids": [theirs.id], "how": "call"}],
        )
    assert not Moment.objects.exists()
