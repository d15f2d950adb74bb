"""Values a file can hold that an app's service would choke on are refused when the file
is read (a clear message, nothing saved), never at confirm as a server error."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nearer.conftest import Person
from nearer.portability.nearer_import import (
    NotAnExport,
    import_apply,
    import_prepare,
    read_export,
)
from nearer.portability.tests.own_export import full_export, json_of


def _doc(person: Person) -> dict[str, Any]:
    return json_of(full_export(person))


def _raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


def test_a_moment_at_no_time_of_day_is_refused(alice: Person) -> None:
    doc = _doc(alice)
    doc["moments"][0]["time"] = "half past never"
    with pytest.raises(NotAnExport, match="Moment 1 in the file: its time of day is not a time"):
        read_export(_raw(doc))


def test_a_date_without_a_month_is_refused(alice: Person) -> None:
    doc = _doc(alice)
    doc["people"][0]["important_dates"][0]["month"] = None
    with pytest.raises(NotAnExport, match="Person 1 in the file: a date's month is not a whole"):
        read_export(_raw(doc))


def test_preferences_named_like_the_services_arguments_are_left_out(
    alice: Person, bob: Person
) -> None:
    doc = _doc(alice)
    doc["preferences"]["user"] = "someone"
    doc["preferences"]["vault"] = 1
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=_raw(doc))
    added = import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)
    assert added.counts["preferences"] == len(doc["preferences"]) - 2


def test_two_people_of_one_name_are_two_people_and_match_one_to_one(
    alice: Person, bob: Person
) -> None:
    from nearer.people.content import PersonDetails
    from nearer.people.models import Person as PersonRow
    from nearer.people.rules import DateDraft
    from nearer.people.services import person_create
    from nearer.portability.pending import pending_open
    from nearer.portability.tests.own_export import export_of

    for day in (3, 4):
        person_create(
            user=alice.user,
            vault=alice.vault,
            details=PersonDetails(name="Twinned Namesake"),
            dates=[DateDraft(kind="birthday", month=5, day=day)],
        )
    raw = export_of(alice)
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=raw)
    import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)
    assert PersonRow.objects.filter(owner=bob.user).count() == 2
    again = import_prepare(user=bob.user, vault=bob.vault, raw=raw)
    value = pending_open(user=bob.user, vault=bob.vault, source="nearer", import_id=again.id).value
    assert value["new"]["people"] == 0
    assert value["new"]["important_dates"] == 0


def test_someone_deleted_from_people_does_not_stop_the_import(alice: Person, bob: Person) -> None:
    from django.utils import timezone

    from nearer.checkins.models import CheckIn
    from nearer.checkins.services import checkin_create
    from nearer.moments.models import Moment
    from nearer.moments.services import moment_create
    from nearer.people.content import PersonDetails
    from nearer.people.services import person_create, person_delete
    from nearer.portability.pending import pending_open
    from nearer.portability.tests.own_export import export_of

    gone = person_create(
        user=alice.user, vault=alice.vault, details=PersonDetails(name="Gone Person")
    )
    moment_create(
        user=alice.user,
        vault=alice.vault,
        occurred_on=timezone.localdate(),
        person_ids=[gone.id],
        how="call",
        note="only with the one now gone",
    )
    checkin_create(
        user=alice.user,
        vault=alice.vault,
        pleasantness=1,
        energy=1,
        emotion="cheerful",
        people=[str(gone.id)],
    )
    person_delete(user=alice.user, vault=alice.vault, person_id=gone.id)
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=export_of(alice))
    value = pending_open(
        user=bob.user, vault=bob.vault, source="nearer", import_id=pending.id
    ).value
    assert value["left_out"] == {"moments": 1}
    page = bob.client.get(f"/your-data/nearer/{pending.id}/").content.decode()
    assert "1 moment with nobody who is still in People is left out" in page
    import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)
    assert CheckIn.objects.filter(owner=bob.user).count() == 1
    assert not Moment.objects.filter(owner=bob.user).exists()
