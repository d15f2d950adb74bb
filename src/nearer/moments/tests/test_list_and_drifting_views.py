from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.moments.selectors import PAGE_SIZE
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago

pytestmark = pytest.mark.django_db


def test_the_list_is_paged_newest_first(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anastasia")
    for days in range(PAGE_SIZE + 3):
        add_moment(alice, [ana], occurred_on=days_ago(days), note=f"note number {days}.")
    first = alice.client.get("/moments/").content.decode()
    assert "note number 0." in first and f"note number {PAGE_SIZE}." not in first
    assert first.index("note number 0.") < first.index("note number 1.")
    assert "Page 1 of 2" in first
    second = alice.client.get("/moments/?page=2").content.decode()
    assert f"note number {PAGE_SIZE + 2}." in second
    for odd in ("0", "-4", "999", "x", ""):
        assert alice.client.get(f"/moments/?page={odd}").status_code == 200


def test_one_persons_moments(alice: Person, add_person: AddPerson, add_moment: AddMoment) -> None:
    ana, ben = add_person(alice, name="Anastasia"), add_person(alice, name="Ben")
    add_moment(alice, [ana], note="with ana")
    add_moment(alice, [ben], note="with ben")
    html = alice.client.get(f"/moments/?person={ana.id}").content.decode()
    assert "Moments with Anastasia" in html
    assert "with ana" in html and "with ben" not in html


def test_a_stranger_sees_none_of_the_owners_moments(
    alice: Person, charlie: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anastasia")
    add_moment(alice, [ana], note="owner-only words")
    for url in ("/moments/", f"/moments/?person={ana.id}", "/moments/drifting/"):
        html = charlie.client.get(url).content.decode()
        assert "owner-only words" not in html and "Anastasia" not in html


def test_drifting_lists_everyone_per_circle_with_words(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anastasia", circle="inner", rhythm_days=7)
    add_person(alice, name="Ben", circle="wider")
    add_moment(alice, [ana], occurred_on=days_ago(21))
    html = alice.client.get("/moments/drifting/").content.decode()
    assert "Inner circle" in html and "Wider circle" in html
    assert "3 weeks ago" in html
    assert "Never yet" in html
    assert "Overdue" in html


def test_who_opened_up_reads_as_a_sentence(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anastasia")
    add_moment(alice, [ana], opened_up="me")
    add_moment(alice, [ana], opened_up="both")
    html = alice.client.get("/moments/").content.decode()
    assert "I opened up" in html and "We both opened up" in html
    assert "Opened up: i did" not in html
