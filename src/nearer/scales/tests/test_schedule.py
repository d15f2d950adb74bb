"""The gentle rhythm: at most one scale offered, from the preferences alone."""

from __future__ import annotations

from datetime import date

from django.test import override_settings

from nearer.scales.instruments import PSS4, UCLA3, WHO5
from nearer.scales.schedule import ScaleState, next_due, offered_scales, state_of

TODAY = date(2026, 11, 26)


def test_a_new_person_is_offered_the_who5_first() -> None:
    assert next_due(ScaleState(), TODAY) is WHO5


def test_it_offers_nothing_on_a_day_a_scale_was_taken() -> None:
    assert next_due(ScaleState(last={"who5": TODAY}), TODAY) is None


def test_it_follows_the_default_rhythms() -> None:
    state = ScaleState(
        last={"who5": date(2026, 11, 13), "pss4": date(2026, 11, 1), "ucla3": date(2026, 11, 1)}
    )
    assert next_due(state, TODAY) is None
    assert next_due(state, date(2026, 11, 27)) is WHO5
    state.last["who5"] = date(2026, 11, 27)
    assert next_due(state, date(2026, 12, 1)) is PSS4


def test_off_means_never_offered() -> None:
    state = ScaleState(every={"who5": 0, "pss4": 0}, last={})
    assert next_due(state, TODAY) is UCLA3


def test_not_now_quiets_every_offer_until_its_day() -> None:
    state = ScaleState(snoozed_until=date(2026, 12, 3))
    assert next_due(state, TODAY) is None
    assert next_due(state, date(2026, 12, 3)) is WHO5


def test_malformed_preferences_are_ignored() -> None:
    state = state_of(
        {
            "scales": {
                "every": {"who5": 5, "pss4": "x"},
                "last": {"who5": "soon"},
                "snoozed_until": 3,
            }
        }
    )
    assert state.every == {} and state.last == {} and state.snoozed_until is None
    assert state_of({"scales": "junk"}) == ScaleState()


@override_settings(SCALES_PSS4=False)
def test_an_operator_can_turn_pss4_off() -> None:
    assert PSS4 not in offered_scales()
    state = ScaleState(last={"who5": TODAY.replace(day=20)}, every={})
    assert next_due(state, TODAY) is UCLA3
