"""Writes for reminders: the person's choices, and turning a kind off from a link."""

from __future__ import annotations

from collections.abc import Collection
from datetime import time

from django.core.exceptions import ValidationError
from django.db import transaction

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.reminders.dates import ALL_PARTS, dates_refresh
from nearer.reminders.models import KINDS, Reminder
from nearer.reminders.tokens import Unsubscribe
from nearer.vault.box import Vault

# The clear dates and zone, emptied when every kind is off: only those with
# reminders on need them in the clear.
_CLEAR_FIELDS = ("time_zone", "nudge_due_on", "birthday_month", "birthday_day", "scale_due_on")


def _forget_clear(reminder: Reminder) -> None:
    reminder.time_zone = ""
    reminder.nudge_due_on = reminder.scale_due_on = None
    reminder.birthday_month = reminder.birthday_day = None


def in_quiet_hours(at: time, quiet_from: time | None, quiet_until: time | None) -> bool:
    """Return whether the time of day ``at`` falls in the quiet hours (which may cross
    midnight: 22:00 to 07:00); never with no quiet hours."""
    if quiet_from is None or quiet_until is None or quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= at < quiet_until
    return at >= quiet_from or at < quiet_until


def _checked(
    kinds: Collection[str], send_at: time, quiet_from: time | None, quiet_until: time | None
) -> None:
    errors: dict[str, list[str]] = {}
    if any(kind not in KINDS for kind in kinds):
        errors["kinds"] = ["Please choose reminders from the list."]
    if (quiet_from is None) != (quiet_until is None):
        errors["quiet_until"] = ["Please give both ends of the quiet hours, or neither."]
    elif quiet_from is not None and quiet_from == quiet_until:
        errors["quiet_until"] = ["Quiet hours need to end at another time than they start."]
    elif in_quiet_hours(send_at, quiet_from, quiet_until):
        errors["send_at"] = ["This time is inside your quiet hours; please choose another."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def reminders_update(
    *,
    user: User,
    vault: Vault,
    kinds: Collection[str],
    send_at: time,
    quiet_from: time | None = None,
    quiet_until: time | None = None,
) -> Reminder:
    """Save which reminders ``user`` wants and when; return the row.

    Raises ValidationError (nothing changed) for an unknown kind, half a range of quiet
    hours, or a time of day inside the quiet hours. With a kind on, the clear dates
    and the zone copy are worked out now; with every kind off they are emptied.
    Turning a kind on that was off moves the link generation on (older unsubscribe
    links stop working).
    """
    check_vault(user, vault)
    _checked(kinds, send_at, quiet_from, quiet_until)
    Reminder.objects.bulk_create([Reminder(owner=user)], ignore_conflicts=True)
    reminder = Reminder.objects.select_for_update().get(owner=user)
    turned_on = any(kind in kinds and not getattr(reminder, kind) for kind in KINDS)
    for kind in KINDS:
        setattr(reminder, kind, kind in kinds)
    reminder.send_at, reminder.quiet_from, reminder.quiet_until = send_at, quiet_from, quiet_until
    if turned_on:
        reminder.link_generation += 1
    if not reminder.kinds_on():
        _forget_clear(reminder)
    reminder.full_clean(exclude=["owner"])
    reminder.save()
    if reminder.kinds_on():
        refreshed = dates_refresh(user=user, vault=vault, parts=ALL_PARTS)
        if refreshed is not None:
            reminder = refreshed
    return reminder


@transaction.atomic
def reminder_unsubscribe(*, link: Unsubscribe) -> bool:
    """Turn off the kind a valid unsubscribe link names; return whether it was valid.

    False (nothing changed) when the account has no reminders or the link is of an
    older generation. Turning off a kind already off is a success: the mail client
    may POST twice. When it was the last kind on, the clear dates go too.
    """
    updated = Reminder.objects.filter(
        owner_id=link.owner_id, link_generation=link.generation
    ).update(**{link.kind: False})
    if not updated:
        return False
    reminder = Reminder.objects.select_for_update().get(owner_id=link.owner_id)
    if not reminder.kinds_on():
        _forget_clear(reminder)
        reminder.save(update_fields=[*_CLEAR_FIELDS, "updated_at"])
    return True
