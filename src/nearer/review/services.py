"""Writes of the weekly review: save it as a journal entry, dismiss it, opt in or out.

Saving twice for the same week never makes two entries: the week's record keeps
(sealed) which entry it made, and a second save updates that entry with what the
review shows now and the latest answer. If the person deleted that entry in the
meantime, a new one is made.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from nearer.accounts.models import User
from nearer.accounts.services import preferences_update
from nearer.journal.models import Entry
from nearer.journal.selectors import entry_exists
from nearer.journal.services import entry_create, entry_update
from nearer.lib.owner import check_vault
from nearer.review.content import ReviewState, state_open, state_seal
from nearer.review.models import WeekReview
from nearer.review.selectors import WeekReviewView
from nearer.review.summary import entry_title, review_text
from nearer.review.week import DAY_KEY, ENABLED_KEY
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

MAX_ANSWER = 10_000
ENTRY_TAG = "weekly review"


def _locked(user: User, vault: Vault, start: date) -> tuple[WeekReview, ReviewState | None]:
    """The week's record, locked, and its state (None when it was just made).

    Two tabs may save or dismiss the same week at once: the unique (owner, week)
    constraint lets only one insert win (get_or_create then reads the winner's row),
    and the row lock makes the second wait and see what the first did.
    """
    new_id = uuid.uuid4()
    record, created = WeekReview.objects.get_or_create(
        owner=user,
        week_start=start,
        defaults={"id": new_id, "state": state_seal(vault, new_id, ReviewState("dismissed"))},
    )
    record = WeekReview.objects.select_for_update().get(pk=record.pk)
    if created:
        return record, None
    try:
        return record, state_open(vault, record.id, record.state)
    except SealError:
        return record, None


@transaction.atomic
def review_save(
    *, user: User, vault: Vault, review: WeekReviewView, answer: str, today: date
) -> Entry:
    """Save the review and ``answer`` as a journal entry of the week; return it.

    The entry is dated the week's Sunday, or today while the week is still going.
    Raises ValidationError (nothing saved) for an answer over ``MAX_ANSWER``.
    """
    check_vault(user, vault)
    if len(answer) > MAX_ANSWER:
        raise ValidationError(
            {"answer": [f"Please keep your answer to {MAX_ANSWER:,} characters."]}
        )
    record, state = _locked(user, vault, review.start)
    entry_date, title = min(today, review.end), entry_title(review)
    body, tags = review_text(review, answer=answer), [ENTRY_TAG]
    earlier = state.entry_id if state is not None else None
    if earlier is not None and entry_exists(user=user, entry_id=earlier):
        entry = entry_update(
            user=user,
            vault=vault,
            entry_id=earlier,
            entry_date=entry_date,
            title=title,
            body=body,
            tags=tags,
        )
    else:
        entry = entry_create(
            user=user, vault=vault, entry_date=entry_date, title=title, body=body, tags=tags
        )
    record.state = state_seal(vault, record.id, ReviewState("saved", entry.id))
    record.save(update_fields=["state", "updated_at"])
    return entry


@transaction.atomic
def review_dismiss(*, user: User, vault: Vault, start: date) -> None:
    """Set this week's review aside: Today stops offering it until next week.

    A review already saved stays saved (dismissing it changes nothing).
    """
    check_vault(user, vault)
    record, state = _locked(user, vault, start)
    if state is not None and state.status == "saved":
        return
    record.state = state_seal(vault, record.id, ReviewState("dismissed"))
    record.save(update_fields=["state", "updated_at"])


@transaction.atomic
def review_settings_update(*, user: User, vault: Vault, enabled: bool, day: int) -> None:
    """Opt in to (or out of) the weekly review, offered on weekday ``day`` (0 = Monday)."""
    if not 0 <= day <= 6:
        raise ValidationError({"day": ["Please choose a day of the week."]})
    preferences_update(user=user, vault=vault, **{ENABLED_KEY: enabled, DAY_KEY: day})
