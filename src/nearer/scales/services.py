"""Writes for the scales: save a result, delete one, change the rhythm, "not now".

Every function takes the person and their unlocked vault; the scale, answers and
total are sealed before they reach the database. Each result created or deleted
also changes the sealed summary of every score (summary.py) in the same
transaction. The dates each scale was last taken are kept in the sealed
preferences too, so Today knows what is due without opening a single result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get, preferences_update
from nearer.lib.owner import check_vault
from nearer.lib.reminder_inputs import changed as reminder_inputs_changed
from nearer.scales.content import ResultContent, content_seal
from nearer.scales.instruments import SCALE_BY_KEY
from nearer.scales.models import ScaleResult
from nearer.scales.schedule import (
    EVERY_VALUES,
    PREFS_KEY,
    SNOOZE_DAYS,
    ScaleState,
    offered_scales,
    state_of,
)
from nearer.scales.scoring import InvalidAnswers, check_answers, score
from nearer.scales.summary import summary_add, summary_remove
from nearer.vault.box import Vault


def _state(user: User, vault: Vault) -> ScaleState:
    return state_of(preferences_get(user=user, vault=vault))


def _save_state(user: User, vault: Vault, state: ScaleState) -> None:
    preferences_update(user=user, vault=vault, **{PREFS_KEY: state.as_prefs()})
    # Every change of when a scale is next offered goes through here.
    reminder_inputs_changed(user=user, vault=vault, parts=("scales",))


@transaction.atomic
def result_create(
    *,
    user: User,
    vault: Vault,
    scale_key: str,
    answers: Sequence[object],
    taken_on: date,
    taken_at: datetime | None = None,
    remember: bool = True,
) -> ScaleResult:
    """Score, seal and save one result; return it.

    ``taken_on`` is the person's local date. Raises ValidationError (nothing saved)
    for a scale this instance does not offer or answers that are not one valid
    option per item. ``remember=False`` skips updating the "last taken" date (the
    demo writes years of results and sets the dates once at the end).
    """
    check_vault(user, vault)
    scale = SCALE_BY_KEY.get(scale_key)
    if scale is None or scale not in offered_scales():
        raise ValidationError("This scale is not offered here.", code="unknown_scale")
    try:
        checked = check_answers(scale, answers)
    except InvalidAnswers as exc:
        raise ValidationError(str(exc), code="invalid_answers") from None
    content = ResultContent(scale=scale, answers=checked, total=score(scale, checked))
    result = ScaleResult(owner=user, taken_at=taken_at or timezone.now(), taken_on=taken_on)
    result.content = content_seal(vault, result.id, content)
    result.full_clean(exclude=["content"])
    result.save(force_insert=True)
    summary_add(
        user=user,
        vault=vault,
        result_id=result.id,
        taken_on=taken_on,
        scale_key=scale.key,
        total=content.total,
    )
    if remember:
        state = _state(user, vault)
        last = state.last.get(scale.key)
        if last is None or last < taken_on:
            state.last[scale.key] = taken_on
            _save_state(user, vault, state)
    return result


@transaction.atomic
def result_delete(*, user: User, vault: Vault, result_id: UUID) -> None:
    """Delete one of this person's results for good; Http404 when it is not theirs.

    The summary loses it in the same transaction, and the "last taken" dates are
    worked out again from what remains (from the summary: nothing else is opened).
    """
    check_vault(user, vault)
    deleted, _ = ScaleResult.objects.filter(owner=user, id=result_id).delete()
    if not deleted:
        raise Http404("No such result.")
    summary = summary_remove(user=user, vault=vault, result_ids=[result_id])
    state = _state(user, vault)
    state.last = summary.last_dates()
    _save_state(user, vault, state)


@transaction.atomic
def schedule_update(*, user: User, vault: Vault, every: Mapping[str, int]) -> ScaleState:
    """Set how often each scale is offered (days; 0 = don't offer). Return the new state.

    Raises ValidationError (nothing changed) for an unknown scale or rhythm.
    """
    check_vault(user, vault)
    errors = {
        key: "Please choose one of the offered rhythms."
        for key, days in every.items()
        if key not in SCALE_BY_KEY or type(days) is not int or days not in EVERY_VALUES
    }
    if errors:
        raise ValidationError(errors)
    state = _state(user, vault)
    state.every.update(every)
    _save_state(user, vault, state)
    return state


@transaction.atomic
def scales_snooze(*, user: User, vault: Vault, today: date) -> date:
    """Quiet every scale offer on Today for a week ("not now"); return the day it ends."""
    check_vault(user, vault)
    state = _state(user, vault)
    state.snoozed_until = today + timedelta(days=SNOOZE_DAYS)
    _save_state(user, vault, state)
    return state.snoozed_until
