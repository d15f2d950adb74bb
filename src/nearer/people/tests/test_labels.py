"""people.labels.short_labels: the same first names told apart, everyone else as called."""

from __future__ import annotations

from nearer.people.index import PersonSummary
from nearer.people.labels import short_labels


def _p(key: str, name: str, called: str = "", relationship: str = "friend") -> PersonSummary:
    return PersonSummary(key, name, called, "close", relationship, "", None, None, False)


def test_a_unique_name_is_shown_as_the_person_is_called() -> None:
    people = [_p("1", "Emma Rosenthal", "Em"), _p("2", "Sven Haddad")]
    assert short_labels(people) == {"1": "Em", "2": "Sven Haddad"}


def test_the_same_first_name_gets_the_first_letter_of_the_last_name() -> None:
    people = [_p("1", "Emma Rosenthal", "Emma"), _p("2", "Emma Thornbury", "Emma")]
    assert short_labels(people) == {"1": "Emma R.", "2": "Emma T."}


def test_as_many_letters_as_tell_them_apart() -> None:
    people = [
        _p("1", "Emma Rosenthal", "Emma"),
        _p("2", "Emma Reed", "emma"),
        _p("3", "Emma Thornbury", "Émma"),
    ]
    assert short_labels(people) == {"1": "Emma Ro.", "2": "emma Re.", "3": "Émma T."}


def test_without_last_names_the_relationship_then_a_number_tells_them_apart() -> None:
    people = [
        _p("1", "Sam", relationship="friend"),
        _p("2", "Sam", relationship="colleague"),
        _p("3", "Sam Lee"),
        _p("4", "Sam Lee"),
    ]
    labels = short_labels(people)
    assert labels["1"] == "Sam (friend)" and labels["2"] == "Sam (colleague)"
    assert labels["3"] == "Sam Lee" and labels["4"] == "Sam Lee (2)"
    assert len(set(labels.values())) == 4
