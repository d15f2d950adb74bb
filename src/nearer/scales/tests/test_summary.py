"""The sealed summary of scores: it follows every result saved or deleted, is worked
out from the results (nothing written) when missing, unreadable or old, is rebuilt
at login, and belongs to one person."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from nearer.conftest import Person
from nearer.scales.content import content_open
from nearer.scales.demo import build_scales
from nearer.scales.models import ScaleResult
from nearer.scales.scoring import shown_score
from nearer.scales.selectors import trends_for
from nearer.scales.services import result_delete
from nearer.scales.summary import SUMMARY, Summary, summary_open, summary_rebuild
from nearer.scales.tests.helpers import take
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import damage, stored

ANSWERS = {"who5": [3, 3, 3, 3, 3], "pss4": [1, 2, 2, 1], "ucla3": [1, 2, 1]}


def _columns(summary: Summary) -> tuple[list[Any], ...]:
    return summary.ids, summary.days, summary.keys, summary.totals, summary.unreadable


def _from_rows(person: Person) -> Summary:
    """What the summary should hold, worked out afresh from the results (and saved)."""
    return summary_rebuild(user=person.user, vault=person.vault)


def _stored(person: Person) -> DerivedValue:
    return DerivedValue.objects.get(owner=person.user, kind=SUMMARY.name)


def _summaries() -> Any:
    return DerivedValue.objects.filter(kind=SUMMARY.name)


def _log_in_again(person: Person) -> None:
    response = Client().post(
        "/accounts/login/", {"username": person.user.username, "password": person.password}
    )
    assert response.status_code == 302


def test_it_follows_each_result_saved_in_the_order_of_their_dates(alice: Person) -> None:
    late = take(alice, "who5", [5, 5, 5, 5, 5], days_ago=1)
    early = take(alice, "ucla3", [1, 1, 1], days_ago=40)  # saved later, taken earlier
    middle = take(alice, "pss4", [0, 4, 4, 0], days_ago=10)
    summary = summary_open(user=alice.user, vault=alice.vault)
    assert summary.ids == [str(early.id), str(middle.id), str(late.id)]
    assert summary.days == [r.taken_on.toordinal() for r in (early, middle, late)]
    assert summary.keys == ["ucla3", "pss4", "who5"]
    assert summary.totals == [3, 0, 25]
    assert summary.unreadable == []
    assert _summaries().filter(owner=alice.user).count() == 1


def test_it_follows_each_result_deleted_and_gives_the_last_dates(alice: Person) -> None:
    older = take(alice, "who5", ANSWERS["who5"], days_ago=20)
    newer = take(alice, "who5", ANSWERS["who5"], days_ago=2)
    lonely = take(alice, "ucla3", ANSWERS["ucla3"], days_ago=5)
    result_delete(user=alice.user, vault=alice.vault, result_id=newer.id)
    summary = summary_open(user=alice.user, vault=alice.vault)
    assert summary.ids == [str(older.id), str(lonely.id)]
    assert summary.last_dates() == {"who5": older.taken_on, "ucla3": lonely.taken_on}


def test_it_changes_in_the_same_transaction_as_the_result(alice: Person) -> None:
    take(alice, "who5", ANSWERS["who5"], days_ago=3)
    before = bytes(_stored(alice).content)
    with pytest.raises(RuntimeError), transaction.atomic():
        take(alice, "pss4", ANSWERS["pss4"])
        raise RuntimeError("the request failed after saving")
    assert bytes(_stored(alice).content) == before
    assert len(summary_open(user=alice.user, vault=alice.vault).ids) == 1


def test_it_always_equals_one_built_afresh_from_the_results(alice: Person) -> None:
    rng = random.Random(7)
    kept: list[Any] = []
    for _ in range(40):
        if kept and rng.random() < 0.3:
            gone = kept.pop(rng.randrange(len(kept)))
            result_delete(user=alice.user, vault=alice.vault, result_id=gone.id)
        else:
            key = rng.choice(list(ANSWERS))
            kept.append(take(alice, key, ANSWERS[key], days_ago=rng.randrange(400)))
        summary = summary_open(user=alice.user, vault=alice.vault)
        assert _columns(summary) == _columns(_from_rows(alice))


def test_it_is_built_from_the_results_when_missing(alice: Person) -> None:
    first = take(alice, "who5", ANSWERS["who5"], days_ago=9)
    _summaries().delete()
    second = take(alice, "ucla3", ANSWERS["ucla3"])  # builds it again, with both
    both = [str(first.id), str(second.id)]
    stored_now = stored(alice, SUMMARY)
    assert stored_now is not None and stored_now.ids == both
    _summaries().delete()
    assert summary_open(user=alice.user, vault=alice.vault).ids == both
    assert not _summaries().exists()  # a read writes nothing
    _log_in_again(alice)
    stored_now = stored(alice, SUMMARY)
    assert stored_now is not None and stored_now.ids == both
    assert _summaries().filter(owner=alice.user).count() == 1


@pytest.mark.parametrize(
    "damage_done",
    [
        "garbage",
        "empty",
        "an older version",
        "a total the scale cannot give",
        "an unknown scale",
        "an id that is not a UUID",
        "columns of different lengths",
        "a day before the calendar",
    ],
)
def test_it_is_worked_out_and_rebuilt_when_it_will_not_open_or_is_wrong(
    alice: Person, damage_done: str
) -> None:
    result = take(alice, "who5", ANSWERS["who5"], days_ago=2)
    good = {
        "i": [str(result.id)],
        "d": [result.taken_on.toordinal()],
        "k": ["who5"],
        "t": [15],
        "x": [],
    }
    if damage_done == "garbage":
        damage(alice, SUMMARY, "tampered")
    elif damage_done == "empty":
        damage(alice, SUMMARY, "empty")
    elif damage_done == "an older version":
        damage(alice, SUMMARY, "old version")
    else:
        changes: dict[str, dict[str, Any]] = {
            "a total the scale cannot give": {"t": [26]},
            "an unknown scale": {"k": ["phq9"]},
            "an id that is not a UUID": {"i": ['"><script>x</script><a b="' + "x" * 9]},
            "columns of different lengths": {"t": [15, 15]},
            "a day before the calendar": {"d": [0]},
        }
        damage(alice, SUMMARY, "resealed", value=good | changes[damage_done])
    before = bytes(_stored(alice).content)
    found = trends_for(user=alice.user, vault=alice.vault)
    assert [(p.id, p.total) for p in found.points["who5"]] == [(str(result.id), 15)]
    assert bytes(_stored(alice).content) == before  # a read writes nothing
    _log_in_again(alice)
    assert (
        alice.vault.open_json(SUMMARY.label, _stored(alice).subject, bytes(_stored(alice).content))
        == good
    )


def test_someone_elses_summary_does_not_open_as_ones_own(alice: Person, charlie: Person) -> None:
    take(alice, "who5", [5, 5, 5, 5, 5])
    take(charlie, "ucla3", [3, 3, 3])
    alices, charlies = _stored(alice), _stored(charlie)
    # Charlie's summary copied over Alice's: sealed for another row and person, so it
    # will not open, and Alice's is built again from her own results.
    _summaries().filter(id=alices.id).update(content=bytes(charlies.content))
    found = trends_for(user=alice.user, vault=alice.vault)
    assert [p.total for p in found.points["who5"]] == [25]
    assert found.points["ucla3"] == []


def test_it_is_scoped_to_its_owner(alice: Person, charlie: Person) -> None:
    take(alice, "who5", [5, 5, 5, 5, 5])
    assert summary_open(user=charlie.user, vault=charlie.vault).ids == []
    assert all(
        points == []
        for points in trends_for(user=charlie.user, vault=charlie.vault).points.values()
    )
    assert len(summary_open(user=alice.user, vault=alice.vault).ids) == 1
    assert _stored(charlie).id != _stored(alice).id


def test_it_counts_results_that_would_not_open_until_they_are_deleted(alice: Person) -> None:
    broken = take(alice, "who5", ANSWERS["who5"], days_ago=3)
    ScaleResult.objects.filter(id=broken.id).update(content=b"garbage")
    assert trends_for(user=alice.user, vault=alice.vault).unreadable == 0  # not yet seen
    _from_rows(alice)
    assert trends_for(user=alice.user, vault=alice.vault).unreadable == 1
    take(alice, "ucla3", ANSWERS["ucla3"])
    assert trends_for(user=alice.user, vault=alice.vault).unreadable == 1
    result_delete(user=alice.user, vault=alice.vault, result_id=broken.id)
    assert trends_for(user=alice.user, vault=alice.vault).unreadable == 0


def test_trends_from_it_give_the_scores_recomputed_from_the_results(alice: Person) -> None:
    build_scales(alice.user, alice.vault, years=3, today=date(2026, 11, 26))
    take(alice, "who5", [0, 1, 2, 3, 4], taken_on=date(2026, 11, 26))
    expected: dict[str, list[tuple[str, date, int, int]]] = {"who5": [], "pss4": [], "ucla3": []}
    rows = ScaleResult.objects.filter(owner=alice.user).order_by("taken_on", "taken_at")
    for row in rows:
        content = content_open(alice.vault, row.id, row.content)
        expected[content.scale.key].append(
            (str(row.id), row.taken_on, content.total, shown_score(content.scale, content.total))
        )
    found = trends_for(user=alice.user, vault=alice.vault)
    assert found.unreadable == 0
    assert {
        key: [(p.id, p.taken_on, p.total, p.shown) for p in points]
        for key, points in found.points.items()
    } == expected
    assert len(expected["who5"]) > 70 and expected["who5"][-1][2:] == (10, 40)


def test_the_demo_leaves_a_summary_of_everything_it_made(alice: Person) -> None:
    take(alice, "who5", ANSWERS["who5"], taken_on=date(2020, 1, 1) - timedelta(days=1))
    made = build_scales(alice.user, alice.vault, years=1, today=date(2020, 12, 31))
    summary = summary_open(user=alice.user, vault=alice.vault)
    assert len(summary.ids) == made + 1
