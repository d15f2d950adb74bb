"""Reads of shares, always scoped to one person and opened with their vault.

A share that fails to open is left out of the summaries (share_contents) and shown
as "This share could not be opened" on the list, rather than breaking a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.opening.content import CONTENT_LABEL, ShareContent, content_open
from nearer.opening.models import Share
from nearer.people.index import PersonSummary
from nearer.people.selectors import people_rows
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


def share_contents(*, user: User, vault: Vault) -> list[tuple[Share, ShareContent]]:
    """Return every share of ``user`` with its opened content, newest first.

    Shares whose content won't open with ``vault`` are left out (a summary counts
    what it can read; the list page says which could not be opened).
    """
    result: list[tuple[Share, ShareContent]] = []
    for share in Share.objects.filter(owner=user).order_by("-created_at", "-id"):
        try:
            content = content_open(vault, share.id, share.content)
        except SealError:
            continue
        result.append((share, content))
    return result


UNREADABLE = "This share could not be opened"
UNKNOWN_PERSON = "(someone no longer listed)"
# A share still being prepared this many days after it was begun gets one gentle word.
WAITED_DAYS = 30


class ShareRow(NamedTuple):
    """The clear columns of a share that pages show (read without making a model)."""

    id: UUID
    state: str
    created_at: datetime
    shared_on: date | None
    moment_id: UUID | None
    entry_id: UUID | None


_ROW_COLUMNS = ("id", "state", "created_at", "shared_on", "moment_id", "entry_id", "content")


@dataclass(slots=True, repr=False)
class ShareView:
    """A share as pages show it; ``content`` is None when it won't open."""

    share: ShareRow
    content: ShareContent | None
    people: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    waited: bool = False

    def __repr__(self) -> str:
        # Never names or words: reprs end up in debug logs (e.g. a template's context).
        return f"ShareView(id={self.share.id}, state={self.share.state})"

    @property
    def id(self) -> UUID:
        return self.share.id

    @property
    def readable(self) -> bool:
        return self.content is not None

    @property
    def names(self) -> str:
        """The people's names joined for reading: "Ana, Ben and Cleo"."""
        names = [name for _, name in self.people]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class ShareGroups:
    """A person's shares by where they stand, each group newest first."""

    preparing: list[ShareView]
    shared: list[ShareView]
    reflected: list[ShareView]
    let_go: list[ShareView]

    @property
    def empty(self) -> bool:
        return not (self.preparing or self.shared or self.reflected or self.let_go)


def _waited_before(today: date) -> datetime:
    """A share still preparing that was begun before this moment has waited
    WAITED_DAYS days or more: begun on ``today - WAITED_DAYS`` or earlier, by the
    person's own clock (worked out once, not a time zone conversion per share)."""
    first_day_not_waited = today - timedelta(days=WAITED_DAYS - 1)
    return timezone.make_aware(datetime.combine(first_day_not_waited, time.min))


def _open_shown(vault: Vault, share_id: UUID, sealed: bytes | memoryview) -> ShareContent:
    """Open only what a row of the list shows: the words and with whom (checked as
    ``ShareContent.from_json`` checks them); every other field is left at its default.

    The list opens every share on each visit, and building and checking all twelve
    fields cost more than decrypting them; the share's own page opens all of it.
    """
    raw = vault.open_bytes(CONTENT_LABEL, share_id, bytes(sealed))
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise SealError("share content is not valid JSON") from None
    if type(value) is not dict:
        raise SealError("share content is not an object")
    text, people = value.get("text", ""), value.get("people", [])
    if type(text) is not str or type(people) is not list or not set(map(type, people)) <= {str}:
        raise SealError("share content has an unexpected shape")
    return ShareContent(text=text, people=tuple(people))


def _view(
    vault: Vault,
    row: tuple[Any, ...],
    people: Mapping[str, PersonSummary],
    waited_before: datetime,
    *,
    opener: Callable[[Vault, UUID, bytes | memoryview], ShareContent] = content_open,
) -> ShareView:
    share = ShareRow(*row[:6])
    try:
        content: ShareContent | None = opener(vault, share.id, row[6])
    except SealError:
        content = None
    names = []
    for pid in content.people if content is not None else ():
        person = people.get(pid)
        names.append((pid, person.display_name if person is not None else UNKNOWN_PERSON))
    waited = share.state == Share.State.PREPARING and share.created_at < waited_before
    return ShareView(share=share, content=content, people=names, waited=waited)


def share_groups(*, user: User, vault: Vault, today: date) -> ShareGroups:
    """Return every share of ``user``, opened as far as the list shows (the words and
    with whom: ``_open_shown``), with names from the people index."""
    people = people_rows(user=user, vault=vault, include_archived=True)
    groups: dict[str, list[ShareView]] = {state: [] for state in Share.State.values}
    waited_before = _waited_before(today)
    rows = Share.objects.filter(owner=user).order_by("-created_at", "-id")
    for row in rows.values_list(*_ROW_COLUMNS):
        groups[row[1]].append(_view(vault, row, people, waited_before, opener=_open_shown))
    # Shared and reflected shares read best by the day they were shared.
    for state in (Share.State.SHARED, Share.State.REFLECTED):
        groups[state].sort(key=lambda view: view.share.shared_on or date.min, reverse=True)
    return ShareGroups(
        preparing=groups[Share.State.PREPARING],
        shared=groups[Share.State.SHARED],
        reflected=groups[Share.State.REFLECTED],
        let_go=groups[Share.State.LET_GO],
    )


def share_for(*, user: User, vault: Vault, share_id: UUID, today: date) -> ShareView:
    """Return this person's share, opened, with names; Http404 when it is not theirs."""
    row = Share.objects.filter(owner=user, id=share_id).values_list(*_ROW_COLUMNS).first()
    if row is None:
        raise Http404("No such share.")
    people = people_rows(user=user, vault=vault, include_archived=True)
    return _view(vault, row, people, _waited_before(today))
