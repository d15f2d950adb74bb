"""Applying a pending import: new people, merges, all or nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.people import imports, services, vcard
from nearer.people.days import date_open
from nearer.people.imports import (
    ImportConflict,
    ImportExpired,
    import_apply,
    import_discard,
    import_prepare,
    pending_import_get,
)
from nearer.people.models import ImportantDate, PendingImport
from nearer.people.models import Person as PersonRow
from nearer.people.rules import MAX_DATES, DateDraft
from nearer.people.selectors import people_index, person_get
from nearer.people.services import person_delete
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def vcf(*cards: str) -> bytes:
    out = []
    for body in cards:
        out += ["BEGIN:VCARD", "VERSION:3.0", *body.split("|"), "END:VCARD"]
    return ("\r\n".join(out) + "\r\n").encode()


def names(owner: Person) -> list[str]:
    return sorted(s.name for s in people_index(user=owner.user, vault=owner.vault).values())


DateRow = tuple[str, str, int, int, int | None]


def dates_of(owner: Person, person_id: uuid.UUID | str) -> set[DateRow]:
    found: set[DateRow] = set()
    for row in ImportantDate.objects.filter(owner=owner.user, person_id=person_id):
        kind, label = date_open(owner.vault, row.id, row.content)
        found.add((kind, label, row.month, row.day, row.year))
    return found


def test_it_adds_new_people_with_their_dates(alice: Person) -> None:
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:Jonas|NICKNAME:Jo|BDAY:--0412|NOTE:from choir", "FN:Zoë"),
    )
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge=())
    assert (result.added, result.merged, result.skipped) == (2, 0, 0)
    index = people_index(user=alice.user, vault=alice.vault)
    assert sorted(s.name for s in index.values()) == ["Jonas", "Zoë"]
    jonas_id = next(key for key, s in index.items() if s.name == "Jonas")
    jonas = person_get(user=alice.user, vault=alice.vault, person_id=uuid.UUID(jonas_id))
    assert (jonas.details.called, jonas.details.notes) == ("Jo", "from choir")
    assert (jonas.details.circle, jonas.details.relationship) == ("wider", "other")
    assert dates_of(alice, jonas_id) == {("birthday", "", 4, 12, None)}
    assert not PendingImport.objects.exists()


def test_it_uses_the_chosen_circle_and_relationship(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    import_apply(
        user=alice.user,
        vault=alice.vault,
        import_id=pending.id,
        merge=(),
        circle="close",
        relationship="friend",
    )
    (summary,) = people_index(user=alice.user, vault=alice.vault).values()
    assert (summary.circle, summary.relationship) == ("close", "friend")


def test_it_refuses_a_circle_not_in_the_list(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    with pytest.raises(ValidationError):
        import_apply(
            user=alice.user, vault=alice.vault, import_id=pending.id, merge=(), circle="moon"
        )
    assert not PersonRow.objects.exists()
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_it_skips_duplicates_unless_merge_is_chosen(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:maya", "FN:Jonas"))
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge=())
    assert (result.added, result.merged, result.skipped) == (1, 0, 1)
    assert names(alice) == ["Jonas", "Maya"]


def test_a_merge_fills_empty_fields_and_adds_only_new_dates(
    alice: Person, add_person: AddPerson
) -> None:
    maya = add_person(
        alice,
        name="Maya",
        notes="Her own words",
        dates=[
            DateDraft(kind="birthday", month=4, day=1),
            DateDraft(kind="anniversary", month=6, day=1, year=2010),
        ],
    )
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf(
            "FN:MAYA|NICKNAME:May|NOTE:from the phone|BDAY:1990-04-01"
            "|ANNIVERSARY:2010-06-01|item1.X-ABDATE:--0707|item1.X-ABLabel:Name day"
        ),
    )
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert (result.added, result.merged) == (0, 1)
    details = person_get(user=alice.user, vault=alice.vault, person_id=maya.id).details
    assert (details.name, details.called, details.notes) == ("Maya", "May", "Her own words")
    assert dates_of(alice, maya.id) == {
        ("birthday", "", 4, 1, 1990),  # the missing year was filled in
        ("anniversary", "", 6, 1, 2010),
        ("custom", "Name day", 7, 7, None),
    }
    assert people_index(user=alice.user, vault=alice.vault)[str(maya.id)].called == "May"


def test_a_second_birthday_is_not_added_in_a_merge(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya", dates=[DateDraft(kind="birthday", month=4, day=1)])
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya|BDAY:--0502"))
    import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert dates_of(alice, maya.id) == {("birthday", "", 4, 1, None)}


def test_a_duplicate_within_the_file_merges_into_the_earlier_card(alice: Person) -> None:
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:Jonas|BDAY:--0412", "FN:jonas|NICKNAME:Jo|ANNIVERSARY:2015-05-05"),
    )
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={1})
    assert (result.added, result.merged) == (1, 1)
    (jonas_id,) = people_index(user=alice.user, vault=alice.vault)
    jonas = person_get(user=alice.user, vault=alice.vault, person_id=uuid.UUID(jonas_id))
    assert jonas.details.called == "Jo"
    assert dates_of(alice, jonas_id) == {
        ("birthday", "", 4, 12, None),
        ("anniversary", "", 5, 5, 2015),
    }


def test_it_is_all_or_nothing(
    alice: Person, add_person: AddPerson, monkeypatch: pytest.MonkeyPatch
) -> None:
    maya = add_person(alice, name="Maya")
    before = bytes(PersonRow.objects.get(id=maya.id).content)
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:Maya|NOTE:merged", "FN:Jonas|BDAY:--0412", "FN:Zoë"),
    )
    real = services.people_create_many

    def fail_after_writing(**kwargs: object) -> object:
        real(**kwargs)  # type: ignore[arg-type]
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(imports, "people_create_many", fail_after_writing)
    with pytest.raises(RuntimeError):
        import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert list(PersonRow.objects.filter(owner=alice.user)) == [maya]
    assert bytes(PersonRow.objects.get(id=maya.id).content) == before
    assert not ImportantDate.objects.exists()
    assert names(alice) == ["Maya"]
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_it_refuses_when_someone_to_merge_with_is_gone(
    alice: Person, add_person: AddPerson
) -> None:
    maya = add_person(alice, name="Maya")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya", "FN:Jonas"))
    person_delete(user=alice.user, vault=alice.vault, person_id=maya.id)
    with pytest.raises(ImportConflict):
        import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert not PersonRow.objects.exists()


def test_it_refuses_an_import_older_than_a_day(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    PendingImport.objects.filter(id=pending.id).update(
        created_at=timezone.now() - imports.MAX_AGE - timedelta(minutes=1)
    )
    with pytest.raises(ImportExpired):
        pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    with pytest.raises(ImportExpired):
        import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge=())
    assert not PersonRow.objects.exists()


def test_someone_elses_import_is_not_found(alice: Person, charlie: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    with pytest.raises(Http404):
        pending_import_get(user=charlie.user, vault=charlie.vault, import_id=pending.id)
    with pytest.raises(Http404):
        import_apply(user=charlie.user, vault=charlie.vault, import_id=pending.id, merge=())
    with pytest.raises(Http404):
        import_discard(user=charlie.user, import_id=pending.id)
    assert PendingImport.objects.filter(id=pending.id).exists()
    assert not PersonRow.objects.exists()


def test_discard_deletes_the_pending_import(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    import_discard(user=alice.user, import_id=pending.id)
    assert not PendingImport.objects.exists()
    assert not PersonRow.objects.exists()


def _anniversaries(count: int, *, first: int = 0) -> list[DateDraft]:
    return [DateDraft("anniversary", 1 + n % 12, 1 + n // 12) for n in range(first, first + count)]


def _card_dates(drafts: list[DateDraft]) -> str:
    return "|".join(f"ANNIVERSARY:--{d.month:02d}{d.day:02d}" for d in drafts)


def test_a_merge_adds_dates_only_up_to_the_limit_and_counts_the_rest(
    alice: Person, add_person: AddPerson
) -> None:
    maya = add_person(alice, name="Maya", dates=_anniversaries(MAX_DATES - 2))
    card = _card_dates(_anniversaries(5, first=MAX_DATES - 2))
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf(f"FN:Maya|{card}"))
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert ImportantDate.objects.filter(person_id=maya.id).count() == MAX_DATES
    assert result.dates_left_out == 3


def test_a_merge_within_the_file_keeps_up_to_the_limit(alice: Person) -> None:
    first = _card_dates(_anniversaries(15))
    second = _card_dates(_anniversaries(10, first=15))
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf(f"FN:Jonas Many|{first}", f"FN:jonas many|{second}"),
    )
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={1})
    assert (result.added, result.merged, result.dates_left_out) == (1, 1, 5)
    assert ImportantDate.objects.count() == MAX_DATES


def test_a_merge_within_the_limit_leaves_nothing_out(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya", dates=_anniversaries(MAX_DATES - 5))
    card = _card_dates(_anniversaries(5, first=MAX_DATES - 5))
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf(f"FN:Maya|{card}"))
    result = import_apply(user=alice.user, vault=alice.vault, import_id=pending.id, merge={0})
    assert ImportantDate.objects.filter(person_id=maya.id).count() == MAX_DATES
    assert result.dates_left_out == 0


def test_a_card_keeps_as_many_dates_as_a_person_may_have() -> None:
    # The parser keeps its own copy so it needs none of the rules; they must agree.
    assert vcard.MAX_DATES == MAX_DATES
