"""Reading a file into a pending import: sorting cards, sealing, nothing saved to People."""

from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.people.imports import (
    NotAContactsFile,
    import_prepare,
    name_key,
    pending_import_create,
    pending_import_get,
)
from nearer.people.models import ImportantDate, PendingImport
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def vcf(*cards: str) -> bytes:
    """Each argument is one card's body, lines separated by "|"."""
    out = []
    for body in cards:
        out += ["BEGIN:VCARD", "VERSION:3.0", *body.split("|"), "END:VCARD"]
    return ("\r\n".join(out) + "\r\n").encode()


def test_it_sorts_new_people_duplicates_and_problems(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya Lindqvist")
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:maya LINDQVIST", "FN:Jonas", "TEL:123", "FN:  JONAS ", "FN:Zoë"),
    )
    preview = pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    assert [c.name for c in preview.cards] == ["maya LINDQVIST", "Jonas", "JONAS", "Zoë"]
    assert preview.new == (1, 3)
    first, second = preview.matches
    assert (first.card, first.person_id, first.person_name) == (0, str(maya.id), "Maya Lindqvist")
    assert (second.card, second.person_id, second.other_card) == (2, None, 1)
    assert [(p.number, p.skipped) for p in preview.problems] == [(3, True)]
    assert not PersonRow.objects.filter(owner=alice.user).exclude(id=maya.id).exists()


def test_it_matches_names_ignoring_case_and_accents() -> None:
    assert name_key("  Zoë  MÜLLER ") == name_key("zoe muller")
    assert name_key("Søren") != name_key("Soren")  # ø is a letter of its own, not o with a mark


def test_it_matches_archived_people_too(alice: Person, add_person: AddPerson) -> None:
    from nearer.people.services import person_archive

    maya = add_person(alice, name="Maya")
    person_archive(user=alice.user, vault=alice.vault, person_id=maya.id)
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya"))
    preview = pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    assert preview.matches[0].person_id == str(maya.id)


def test_it_seals_the_result_and_never_the_raw_file(alice: Person) -> None:
    data = vcf("FN:Canary Sunflower|TEL:+1 555 0199|NOTE:secret garden")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=data)
    stored = bytes(PendingImport.objects.get(id=pending.id).content)
    for word in (b"Canary", b"Sunflower", b"555 0199", b"secret garden", b"VCARD"):
        assert word not in stored
    preview = pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    assert preview.cards[0].note == "secret garden"


def test_it_keeps_only_the_newest_pending_import(alice: Person, bob: Person) -> None:
    import_prepare(user=bob.user, vault=bob.vault, data=vcf("FN:Bob's friend"))
    first = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:One"))
    second = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Two"))
    assert list(PendingImport.objects.filter(owner=alice.user)) == [second]
    assert not PendingImport.objects.filter(id=first.id).exists()
    assert PendingImport.objects.filter(owner=bob.user).count() == 1
    kept = pending_import_create(
        user=alice.user, vault=alice.vault, data=vcf("FN:Three"), replace_older=False
    )
    assert PendingImport.objects.filter(owner=alice.user).count() == 2
    assert kept.id != second.id


def test_it_saves_nothing_for_a_file_without_contacts(alice: Person) -> None:
    with pytest.raises(NotAContactsFile):
        import_prepare(user=alice.user, vault=alice.vault, data=b"\x00\x01\x02binary")
    assert not PendingImport.objects.exists()


def test_it_keeps_day_and_month_when_the_year_is_out_of_range(alice: Person) -> None:
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:Great-grandmother|BDAY:1850-03-04|item1.X-ABDATE:2001-01-01"),
    )
    preview = pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    dates = preview.cards[0].dates
    assert (dates[0].month, dates[0].day, dates[0].year) == (3, 4, None)
    # A custom day without a label gets a neutral name, as the people rules want one.
    assert dates[1].kind == "custom" and dates[1].label
    assert "year" in preview.problems[0].reason and not preview.problems[0].skipped


def test_it_does_not_change_existing_people(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya", dates=[DateDraft(kind="birthday", month=1, day=2)])
    before = bytes(PersonRow.objects.get(id=maya.id).content)
    import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya|NOTE:new"))
    assert bytes(PersonRow.objects.get(id=maya.id).content) == before
    assert ImportantDate.objects.filter(owner=alice.user).count() == 1


def test_a_card_named_only_with_punctuation_is_not_read_as_a_name(alice: Person) -> None:
    # A phone's "--" card became a person named "--"; its nickname is a name, though.
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:--", "FN: . - ", "FN:Wendeline Okonkwo", "FN:--|NICKNAME:Bartolomea"),
    )
    preview = pending_import_get(user=alice.user, vault=alice.vault, import_id=pending.id)
    assert [c.name for c in preview.cards] == ["Wendeline Okonkwo", "Bartolomea"]
    assert [(p.number, p.skipped) for p in preview.problems] == [(1, True), (2, True)]
    assert all("no name" in p.reason for p in preview.problems)
