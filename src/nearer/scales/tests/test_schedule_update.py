"""Changing how often scales are offered, and "not now"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.scales.schedule import state_of
from nearer.scales.services import scales_snooze, schedule_update


def test_it_saves_the_rhythm_sealed(alice: Person) -> None:
    schedule_update(user=alice.user, vault=alice.vault, every={"who5": 7, "ucla3": 0})
    state = state_of(preferences_get(user=alice.user, vault=alice.vault))
    assert state.every == {"who5": 7, "ucla3": 0}


@pytest.mark.parametrize("every", [{"who5": 3}, {"nope": 7}, {"who5": "7"}])
def test_it_refuses_unknown_rhythms_and_changes_nothing(
    alice: Person, every: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        schedule_update(user=alice.user, vault=alice.vault, every=every)
    assert "scales" not in preferences_get(user=alice.user, vault=alice.vault)


def test_not_now_lasts_a_week(alice: Person) -> None:
    until = scales_snooze(user=alice.user, vault=alice.vault, today=date(2026, 11, 26))
    assert until == date(2026, 12, 3)
    assert state_of(preferences_get(user=alice.user, vault=alice.vault)).snoozed_until == until
