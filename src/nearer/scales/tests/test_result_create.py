"""Saving a result: scored, sealed, and the last date kept in the preferences."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.scales.content import content_open
from nearer.scales.models import ScaleResult
from nearer.scales.services import result_create


def test_it_seals_the_scale_answers_and_total(alice: Person) -> None:
    result = result_create(
        user=alice.user,
        vault=alice.vault,
        scale_key="pss4",
        answers=[1, 3, 2, 0],
        taken_on=date(2026, 11, 26),
    )
    stored = ScaleResult.objects.get(id=result.id)
    assert b"pss4" not in bytes(stored.content)
    opened = content_open(alice.vault, stored.id, stored.content)
    assert (opened.scale.key, opened.answers, opened.total) == ("pss4", (1, 3, 2, 0), 4)
    assert stored.taken_on == date(2026, 11, 26)


def test_it_remembers_the_last_date_in_the_sealed_preferences(alice: Person) -> None:
    for day in (date(2026, 11, 20), date(2026, 11, 26), date(2026, 11, 1)):
        result_create(
            user=alice.user,
            vault=alice.vault,
            scale_key="who5",
            answers=[3, 3, 3, 3, 3],
            taken_on=day,
        )
    prefs = preferences_get(user=alice.user, vault=alice.vault)
    assert prefs["scales"]["last"] == {"who5": "2026-11-26"}


@pytest.mark.parametrize(
    ("key", "answers"),
    [
        ("who5", [1, 2, 3]),
        ("who5", [6, 0, 0, 0, 0]),
        ("ucla3", [0, 1, 1]),
        ("nope", [1]),
        ("pss4", ["1", 1, 1, 1]),
    ],
)
def test_it_refuses_bad_answers_and_saves_nothing(
    alice: Person, key: str, answers: list[object]
) -> None:
    with pytest.raises(ValidationError):
        result_create(
            user=alice.user,
            vault=alice.vault,
            scale_key=key,
            answers=answers,
            taken_on=date(2026, 11, 26),
        )
    assert not ScaleResult.objects.exists()
    assert "scales" not in preferences_get(user=alice.user, vault=alice.vault)


@override_settings(SCALES_PSS4=False)
def test_it_refuses_a_scale_the_operator_turned_off(alice: Person) -> None:
    with pytest.raises(ValidationError):
        result_create(
            user=alice.user,
            vault=alice.vault,
            scale_key="pss4",
            answers=[1, 1, 1, 1],
            taken_on=date(2026, 11, 26),
        )


def test_it_refuses_someone_elses_vault(alice: Person, bob: Person) -> None:
    with pytest.raises(ValueError, match="vault"):
        result_create(
            user=alice.user,
            vault=bob.vault,
            scale_key="ucla3",
            answers=[1, 1, 1],
            taken_on=date(2026, 11, 26),
        )
