"""The findings' record: what it holds, and that any write through the services makes
it old (its fingerprint moves), so the page never shows findings of rows since changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

import pytest

from nearer.checkins.services import checkin_create, checkin_update
from nearer.conftest import Person
from nearer.insights.findings import FINDINGS, findings_read, findings_rebuild, fingerprint
from nearer.moments.services import moment_create, moment_delete, moment_update
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.scales.tests.helpers import take

pytestmark = pytest.mark.django_db


def _some(owner: Person) -> dict[str, object]:
    friend = people_services.person_create(
        user=owner.user, vault=owner.vault, details=PersonDetails(name="Ottilie Brannigan")
    )
    moment = moment_create(
        user=owner.user,
        vault=owner.vault,
        occurred_on=date(2026, 3, 2),
        person_ids=[friend.id],
        how="call",
    )
    checkin = checkin_create(
        user=owner.user,
        vault=owner.vault,
        pleasantness=1,
        energy=1,
        emotion="cheerful",
        when=datetime.combine(date(2026, 3, 2), time(9), tzinfo=UTC),
    )
    return {"friend": friend, "moment": moment, "checkin": checkin}


def test_an_account_with_no_check_ins_has_findings_with_nothing_on_either_side(
    alice: Person,
) -> None:
    found = findings_read(user=alice.user, vault=alice.vault)
    assert found.checkin_days == 0 and found.moment_days == 0
    assert found.findings and all(not f.ready for f in found.findings)
    assert {(f.n_with, f.n_without) for f in found.findings} == {(0, 0)}
    # No one to compare with: no person's finding at all.
    assert not [f for f in found.findings if f.section == "people"]


def test_the_stored_record_opens_to_what_was_computed(alice: Person) -> None:
    _some(alice)
    built = findings_rebuild(user=alice.user, vault=alice.vault)
    assert FINDINGS.current is not None and FINDINGS.current(alice.user.pk, built)
    assert findings_read(user=alice.user, vault=alice.vault) == built


WRITES: dict[str, Callable[[Person, dict[str, object]], object]] = {
    "a check-in": lambda o, made: checkin_create(
        user=o.user, vault=o.vault, pleasantness=0, energy=0, emotion="calm"
    ),
    "a check-in changed": lambda o, made: checkin_update(
        user=o.user,
        vault=o.vault,
        checkin_id=made["checkin"].id,  # type: ignore[attr-defined]
        pleasantness=-1,
        energy=1,
        emotion="worried",
    ),
    "a moment": lambda o, made: moment_create(
        user=o.user,
        vault=o.vault,
        occurred_on=date(2026, 3, 3),
        person_ids=[made["friend"].id],  # type: ignore[attr-defined]
        how="video",
    ),
    "a moment changed": lambda o, made: moment_update(
        user=o.user,
        vault=o.vault,
        moment_id=made["moment"].id,  # type: ignore[attr-defined]
        occurred_on=date(2026, 3, 2),
        person_ids=[made["friend"].id],  # type: ignore[attr-defined]
        how="call",
        kinds=["spiritual"],
    ),
    "a moment deleted": lambda o, made: moment_delete(
        user=o.user,
        vault=o.vault,
        moment_id=made["moment"].id,  # type: ignore[attr-defined]
    ),
    "a person changed": lambda o, made: people_services.person_update(
        user=o.user,
        vault=o.vault,
        person_id=made["friend"].id,  # type: ignore[attr-defined]
        details=PersonDetails(name="Ottilie Brannigan", circle="inner"),
    ),
    "a scale taken": lambda o, made: take(o, "ucla3", [1, 1, 1]),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_any_write_makes_the_stored_findings_old(alice: Person, write: str) -> None:
    made = _some(alice)
    built = findings_rebuild(user=alice.user, vault=alice.vault)
    before = fingerprint(alice.user.pk)
    WRITES[write](alice, made)
    assert fingerprint(alice.user.pk) != before
    assert FINDINGS.current is not None and not FINDINGS.current(alice.user.pk, built)


def test_the_login_refresh_rebuilds_findings_whose_rows_have_changed(alice: Person) -> None:
    from nearer.vault.derived import derived_refresh
    from nearer.vault.models import DerivedValue

    _some(alice)
    derived_refresh(user=alice.user, vault=alice.vault)  # every kind stored, as at a login
    assert derived_refresh(user=alice.user, vault=alice.vault) == 0
    WRITES["a check-in"](alice, {})
    stored_before = DerivedValue.objects.get(owner=alice.user, kind=FINDINGS.name).content
    # Only the findings are old: every other kind was kept by the check-in's service.
    assert derived_refresh(user=alice.user, vault=alice.vault) == 1
    row = DerivedValue.objects.get(owner=alice.user, kind=FINDINGS.name)
    assert row.content != stored_before
    assert findings_read(user=alice.user, vault=alice.vault).checkin_days == 2


def test_the_login_hook_stores_findings_made_old_after_the_refresh(alice: Person) -> None:
    from nearer.accounts import login_hooks
    from nearer.insights.findings import findings_refresh

    assert findings_refresh in login_hooks._hooks
    _some(alice)
    findings_rebuild(user=alice.user, vault=alice.vault)
    assert findings_refresh(user=alice.user, vault=alice.vault) is False
    WRITES["a moment"](
        alice,
        {
            "friend": people_services.person_create(
                user=alice.user,
                vault=alice.vault,
                details=PersonDetails(name="Casimir Vantongeren"),
            )
        },
    )
    assert findings_refresh(user=alice.user, vault=alice.vault) is True
    stored = findings_read(user=alice.user, vault=alice.vault)
    assert FINDINGS.current is not None and FINDINGS.current(alice.user.pk, stored)
    assert stored.moment_days == 2
