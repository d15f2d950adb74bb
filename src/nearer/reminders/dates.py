"""The clear dates reminders are decided from, worked out while the vault is open.

``dates_refresh`` is the one function that sets them. It runs in the transaction of
every write that moves an input (through ``lib.reminder_inputs``: moments, people
and their dates, scale results and rhythms, the time zone), at login for accounts
older than reminders, and when the reminders page is saved; never on a GET. It does
nothing for a person without reminders turned on (one indexed query), and works out
only the parts a write touched, each from what its app already computes:

- nudges: ``moments.nudges.first_due_on`` (the people index and the clear clocks);
- birthdays: the important dates' clear day and month, opened soonest first until
  the first that is a birthday (usually one or two are opened, not all);
- scales: ``scales.schedule`` from the sealed preferences (opened once).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping
from datetime import date, datetime, tzinfo

from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.lib.reminder_inputs import Part
from nearer.moments.nudges import first_due_on
from nearer.people.days import date_open, next_occurrence
from nearer.people.index import index_rows
from nearer.people.models import ImportantDate
from nearer.reminders.models import Reminder
from nearer.scales.schedule import offered_scales, state_of
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

ALL_PARTS: frozenset[Part] = frozenset({"nudges", "birthdays", "scales", "zone"})


def zone_of(name: str) -> tzinfo:
    """Return the zone named ``name``, or the server's when it is empty or unknown."""
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.get_default_timezone()


def _zone_name(prefs: dict[str, object]) -> str:
    name = prefs.get("time_zone")
    if isinstance(name, str) and name:
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return ""
        return name
    return ""


def next_birthday(*, user: User, vault: Vault, today: date) -> tuple[int, int] | None:
    """Return (month, day) of the first birthday from ``today`` on among ``user``'s people
    not archived, or None. Dates are opened soonest first, until a birthday is found."""
    rows = ImportantDate.objects.filter(owner=user, person__archived_at__isnull=True).values_list(
        "id", "month", "day", "content"
    )
    ordered = sorted(rows, key=lambda row: next_occurrence(row[1], row[2], today=today))
    for date_id, month, day, content in ordered:
        try:
            kind, _label = date_open(vault, date_id, content)
        except SealError:
            continue
        if kind == "birthday":
            return month, day
    return None


def next_scale_due(prefs: Mapping[str, object], today: date) -> date | None:
    """Return the first day a scale is offered again (``today`` when one is due now or
    was never taken), or None when every offer is off."""
    state = state_of(dict(prefs))
    days = [day for scale in offered_scales() if (day := state.next_on(scale)) is not None]
    if not days:
        return None
    first = max(min(days), today)
    if state.snoozed_until is not None and first < state.snoozed_until:
        first = state.snoozed_until
    return first


def _local_today(zone_name: str, now: datetime | None) -> date:
    return (now or timezone.now()).astimezone(zone_of(zone_name)).date()


@transaction.atomic
def dates_refresh(
    *,
    user: User,
    vault: Vault | None,
    parts: Iterable[Part] = ALL_PARTS,
    now: datetime | None = None,
) -> Reminder | None:
    """Bring ``user``'s clear reminder dates up to date for ``parts``; return the row.

    Nothing is done (None) without a row that has a kind on. The row is locked first,
    so of two writes at once the second works the dates out after the first has
    committed (and sees its rows). Without a vault (a write that has none) the parts
    that need one are emptied rather than left wrong; the next login fills them.
    """
    reminder = Reminder.objects.select_for_update().filter(owner=user).first()
    if reminder is None or not reminder.kinds_on():
        return None
    wanted = frozenset(parts)
    fields: list[str] = []
    if vault is None:
        if "nudges" in wanted:
            reminder.nudge_due_on = None
            fields.append("nudge_due_on")
        if "birthdays" in wanted:
            reminder.birthday_month = reminder.birthday_day = None
            fields += ["birthday_month", "birthday_day"]
        if fields:
            reminder.save(update_fields=fields)
        return reminder
    prefs = preferences_get(user=user, vault=vault)
    if "zone" in wanted:
        reminder.time_zone = _zone_name(prefs)
        fields.append("time_zone")
    today = _local_today(reminder.time_zone, now)
    if "nudges" in wanted:
        reminder.nudge_due_on = (
            first_due_on(
                user=user,
                people=index_rows(user=user, vault=vault, include_archived=False),
                today=today,
                zone=zone_of(reminder.time_zone),
            )
            if reminder.people
            else None
        )
        fields.append("nudge_due_on")
    if "birthdays" in wanted:
        found = next_birthday(user=user, vault=vault, today=today) if reminder.birthday else None
        reminder.birthday_month, reminder.birthday_day = found or (None, None)
        fields += ["birthday_month", "birthday_day"]
    if "scales" in wanted:
        reminder.scale_due_on = next_scale_due(prefs, today) if reminder.scale else None
        fields.append("scale_due_on")
    if fields:
        reminder.save(update_fields=[*fields, "updated_at"])
    return reminder


def inputs_changed(*, user: object, vault: object | None, parts: frozenset[Part]) -> None:
    """The ``lib.reminder_inputs`` listener: refresh the parts a write touched."""
    if not isinstance(user, User) or (vault is not None and not isinstance(vault, Vault)):
        raise TypeError("reminder inputs changed with something other than a user and vault")
    dates_refresh(user=user, vault=vault, parts=parts)


def refresh_at_login(*, user: User, vault: Vault) -> None:
    """The login hook: every date afresh (accounts older than reminders, dates that moved
    with the calendar, parts emptied by a write without a vault)."""
    dates_refresh(user=user, vault=vault)
