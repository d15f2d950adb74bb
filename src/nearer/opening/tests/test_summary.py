"""The summary's computations against hand-worked cases (no database)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from nearer.moments.openness import OPENNESS, Months, Openness
from nearer.opening.content import ShareContent
from nearer.opening.models import Share
from nearer.opening.summary import depths, feared_vs_felt, reciprocity
from nearer.people.index import PersonSummary

ANA_ID = "0e3f1c52-4a4b-4f4e-9d7c-aaaaaaaaaaaa"
BEN_ID = "0e3f1c52-4a4b-4f4e-9d7c-bbbbbbbbbbbb"
GONE_ID = "0e3f1c52-4a4b-4f4e-9d7c-cccccccccccc"


def _person(person_id: str, name: str, *, archived: bool = False) -> PersonSummary:
    return PersonSummary(person_id, name, "", "close", "", "", None, None, archived)


PEOPLE = {
    ANA_ID: _person(ANA_ID, "Anneliese"),
    BEN_ID: _person(BEN_ID, "Bartholomew", archived=True),
}


def _reflected(day: date, before: int | None, after: int | None) -> tuple[Share, ShareContent]:
    share = Share(state=Share.State.REFLECTED, shared_on=day)
    return share, ShareContent(text="x", anxiety_before=before, anxiety_after=after)


def test_calmer_same_and_more_anxious_are_counted_with_the_means() -> None:
    felt = feared_vs_felt(
        [
            _reflected(date(2025, 3, 1), 8, 3),
            _reflected(date(2025, 1, 1), 6, 6),
            _reflected(date(2025, 2, 1), 7, 2),
            _reflected(date(2025, 4, 1), 2, 5),
        ]
    )
    assert felt is not None
    assert (felt.calmer, felt.same, felt.more, felt.count) == (2, 1, 1, 4)
    assert felt.mean_before == 23 / 4 and felt.mean_after == 16 / 4
    assert [point.day.month for point in felt.points] == [1, 2, 3, 4]
    assert felt.sentence == "In 2 of 4 shares you felt calmer afterwards than you feared."
    assert felt.rest == "Of the others, 1 felt the same and 1 more anxious."


def test_only_reflected_shares_with_both_numbers_count() -> None:
    shared = Share(state=Share.State.SHARED, shared_on=date(2025, 1, 1))
    felt = feared_vs_felt(
        [
            (shared, ShareContent(anxiety_before=9, anxiety_after=1)),
            _reflected(date(2025, 1, 2), 9, None),
            _reflected(date(2025, 1, 3), None, 1),
        ]
    )
    assert felt is None


def test_one_share_is_said_as_one_share_so_far() -> None:
    calmer = feared_vs_felt([_reflected(date(2025, 1, 1), 7, 4)])
    assert calmer is not None
    assert calmer.sentence == "One share so far: you felt calmer afterwards than you feared."
    assert calmer.rest == ""
    more = feared_vs_felt([_reflected(date(2025, 1, 1), 3, 4)])
    assert more is not None
    assert more.sentence == "One share so far: you felt more anxious afterwards than before."


def test_none_calmer_is_said_plainly() -> None:
    felt = feared_vs_felt([_reflected(date(2025, 1, 1), 3, 3), _reflected(date(2025, 2, 1), 3, 3)])
    assert felt is not None
    assert felt.sentence == "In none of 2 shares did you feel calmer afterwards than you feared."
    assert felt.rest == "Of the others, 2 felt the same."


def test_reciprocity_sums_quarters_overall_and_per_person_with_gaps_filled() -> None:
    openness = Openness(
        overall={
            "2024-01": [1, 0, 2, 0, 5],
            "2024-03": [0, 1, 0, 0, 0],
            "2024-08": [0, 0, 0, 1, 0],
        },
        people={
            ANA_ID: {"2024-01": [1, 0, 2, 0, 5], "2024-08": [0, 0, 0, 1, 0]},
            BEN_ID: {"2024-03": [0, 1, 0, 0, 0]},
            GONE_ID: {"2024-03": [9, 9, 9, 9, 9]},
        },
    )
    view = reciprocity(openness, PEOPLE)
    assert view.by_quarter
    assert [(p.label, p.counts) for p in view.overall.periods] == [
        ("Q1 2024", (1, 1, 2, 0)),
        ("Q2 2024", (0, 0, 0, 0)),
        ("Q3 2024", (0, 0, 0, 1)),
    ]
    assert view.overall.totals == (1, 1, 2, 1) and view.overall.moments == 10
    # Most moments first; the archived person is named; someone deleted is not shown.
    assert [(one.name, one.moments) for one in view.top] == [("Anneliese", 9), ("Bartholomew", 1)]
    assert view.others == []


def test_more_than_three_years_go_by_year_and_more_than_five_people_wait_in_others() -> None:
    people = {f"{n:036d}": _person(f"{n:036d}", f"Person {n}") for n in range(8)}
    # Person n has n + 1 moments where they opened up and n where it was not said;
    # person 7 only moments where it was not said, so nothing to show for them.
    each: dict[str, Months] = {
        person_id: {"2019-02": [0, n + 1, 0, 0, n]} for n, person_id in enumerate(people)
    }
    each[f"{7:036d}"] = {"2020-01": [0, 0, 0, 0, 40]}
    openness = Openness(
        overall={"2019-02": [1, 0, 0, 0, 0], "2024-11": [0, 7, 0, 0, 0]}, people=each
    )
    view = reciprocity(openness, people)
    assert not view.by_quarter
    assert [p.label for p in view.overall.periods] == [str(y) for y in range(2019, 2025)]
    assert view.overall.periods[-1].counts == (0, 7, 0, 0)
    assert [one.name for one in view.top] == [f"Person {n}" for n in (6, 5, 4, 3, 2)]
    assert [(one.name, one.moments) for one in view.others] == [("Person 1", 3), ("Person 0", 1)]


def test_counts_read_back_from_storage_give_the_same_view_as_those_worked_out() -> None:
    people = {f"{n:036d}": _person(f"{n:036d}", f"Person {n}") for n in range(8)}
    each: dict[str, Months] = {
        person_id: {"2019-02": [0, n + 1, 0, 0, n], "2023-07": [n, 0, 2, 1, 0]}
        for n, person_id in enumerate(people)
    }
    worked_out = Openness(
        overall={"2019-02": [1, 0, 0, 0, 0], "2024-11": [0, 7, 0, 0, 0]}, people=each
    )
    expected = reciprocity(worked_out, people)
    # Read back, a person's months stay flat: totals and the charts come from them.
    stored = OPENNESS.decode(OPENNESS.encode(worked_out))
    assert reciprocity(stored, people) == expected
    assert [one.name for one in expected.top] == [f"Person {n}" for n in (7, 6, 5, 4, 3)]
    assert stored.people == each


def test_no_moments_give_nothing_to_show() -> None:
    view = reciprocity(Openness(overall={}, people={}), PEOPLE)
    assert view.overall.periods == [] and view.overall.answered == 0 and view.top == []


def test_depths_are_deepest_first_and_leave_out_people_gone() -> None:
    found = depths({UUID(ANA_ID): 2, UUID(BEN_ID): 3, UUID(GONE_ID): 3}, PEOPLE)
    assert [(one.name, one.depth, one.words) for one in found] == [
        ("Bartholomew", 3, "Deep"),
        ("Anneliese", 2, "Personal"),
    ]
