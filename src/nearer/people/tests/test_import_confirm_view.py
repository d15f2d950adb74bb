"""Confirming an import: choices applied, counts said, nothing for strangers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.imports import import_prepare
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


def summaries(owner: Person) -> dict[str, tuple[str, str, str]]:
    return {
        s.name: (s.called, s.circle, s.relationship)
        for s in people_index(user=owner.user, vault=owner.vault).values()
    }


def test_it_imports_as_chosen_and_says_how_many(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya")
    add_person(alice, name="Ana")
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:maya|NICKNAME:May", "FN:ana|NICKNAME:Annie", "FN:Jonas", "TEL:1"),
    )
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]),
        {"m0": "merge", "m1": "skip", "circle": "close", "relationship": "friend"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("people:index")
    assert (
        b"Import done: 1 person added, 1 person merged, 1 skipped, 1 could not be read."
        in response.content
    )
    assert summaries(alice) == {
        "Maya": ("May", "inner", "friend"),
        "Ana": ("", "inner", "friend"),
        "Jonas": ("", "close", "friend"),
    }
    assert person_get(user=alice.user, vault=alice.vault, person_id=maya.id).details.called == "May"
    assert not PendingImport.objects.exists()


def test_merge_all_and_skip_all_override_each_choice(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya")
    add_person(alice, name="Ana")
    data = vcf("FN:Maya|NICKNAME:May", "FN:Ana|NICKNAME:Annie")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=data)
    alice.client.post(
        reverse("people:import_confirm", args=[pending.id]), {"all": "skip", "m0": "merge"}
    )
    assert {s[0] for s in summaries(alice).values()} == {""}
    pending = import_prepare(user=alice.user, vault=alice.vault, data=data)
    alice.client.post(reverse("people:import_confirm", args=[pending.id]), {"all": "merge"})
    assert {s[0] for s in summaries(alice).values()} == {"May", "Annie"}


def test_it_uses_the_defaults_when_nothing_is_chosen(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    alice.client.post(reverse("people:import_confirm", args=[pending.id]), {})
    assert summaries(alice) == {"Jonas": ("", "wider", "other")}


@pytest.mark.parametrize(
    ("tampered", "message"),
    [
        ({"circle": "moon"}, b"Please choose a circle from the list: inner, close or wider."),
        ({"relationship": "overlord"}, b"Please choose a relationship from the list."),
        ({"all": "delete-everything"}, b"Please choose what to do with all the possible"),
        ({"circle": ""}, b"Please choose a circle from the list: inner, close or wider."),
    ],
)
def test_a_tampered_answer_shows_the_preview_again_and_imports_nothing(
    alice: Person, add_person: AddPerson, tampered: dict[str, str], message: bytes
) -> None:
    add_person(alice, name="Maya")
    data = vcf("FN:Jonas Tampered", "FN:Maya|NICKNAME:May", "FN:maya|NICKNAME:Mai")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=data)
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]),
        {"circle": "close", "relationship": "friend", "all": "merge", **tampered},
    )
    assert response.status_code == 200
    assert b"Check before importing" in response.content
    assert message in response.content
    assert b'role="alert"' in response.content
    assert summaries(alice) == {"Maya": ("", "inner", "friend")}
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_a_vanished_merge_target_changes_nothing(alice: Person, add_person: AddPerson) -> None:
    maya = add_person(alice, name="Maya")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya", "FN:Jonas"))
    person_delete(user=alice.user, vault=alice.vault, person_id=maya.id)
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]), {"m0": "merge"}, follow=True
    )
    assert b"changed or deleted since the preview" in response.content
    assert not PersonRow.objects.exists()


def test_it_only_answers_a_post(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    assert alice.client.get(reverse("people:import_confirm", args=[pending.id])).status_code == 405


def test_a_stranger_gets_404_and_nothing_is_saved(alice: Person, charlie: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    response = charlie.client.post(reverse("people:import_confirm", args=[pending.id]), {})
    assert response.status_code == 404
    assert not PersonRow.objects.exists()
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_a_second_confirm_is_a_404_not_a_second_import(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    url = reverse("people:import_confirm", args=[pending.id])
    alice.client.post(url, {})
    assert alice.client.post(url, {}).status_code == 404
    assert PersonRow.objects.count() == 1


def test_it_says_how_many_dates_a_full_person_left_out(
    alice: Person, add_person: AddPerson
) -> None:
    days = [(1 + n % 12, 1 + n // 12) for n in range(MAX_DATES + 3)]
    dates = [DateDraft("anniversary", month, day) for month, day in days[:MAX_DATES]]
    add_person(alice, name="Maya", dates=dates)
    card = "|".join(f"ANNIVERSARY:--{m:02d}{d:02d}" for m, d in days[MAX_DATES:])
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf(f"FN:Maya|{card}"))
    response = alice.client.post(
        reverse("people:import_confirm", args=[pending.id]), {"m0": "merge"}, follow=True
    )
    assert b"3 dates were left out: a person can have up to 20 dates." in response.content, (
        response.content
    )
    assert ImportantDate.objects.count() == MAX_DATES


def test_the_preview_states_the_limit_on_dates_for_merges(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Maya")
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Maya"))
    response = alice.client.get(reverse("people:import_preview", args=[pending.id]))
    assert b"up to 20 dates" in response.content
