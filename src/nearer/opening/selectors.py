"""Reads of shares, always scoped to one person and opened with their vault.

A share that fails to open is left out of the summaries (share_contents) and shown
as "This share could not be opened" on the list, rather than breaking a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.opening.content import ShareContent, content_open
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


@dataclass(slots=True, repr=False)
class ShareView:
    """A share as pages show it; ``content`` is None when it won't open."""

    share: Share
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


def _view(
    vault: Vault, share: Share, people: Mapping[str, PersonSummary], today: date
) -> ShareView:
    try:
        content: ShareContent | None = content_open(vault, share.id, share.content)
    except SealError:
        content = None
    names = []
    for pid in content.people if content is not None else ():
        person = people.get(pid)
        names.append((pid, person.display_name if person is not None else UNKNOWN_PERSON))
    waited = (
        share.state == Share.State.PREPARING
        and (today - timezone.localtime(share.created_at).date()).days >= WAITED_DAYS
    )
    return ShareView(share=share, content=content, people=names, waited=waited)


def share_groups(*, user: User, vault: Vault, today: date) -> ShareGroups:
    """Return every share of ``user``, opened, with names from the people index."""
    people = people_rows(user=user, vault=vault, include_archived=True)
    groups: dict[str, list[ShareView]] = {state: [] for state in Share.State.values}
    for share in Share.objects.filter(owner=user).order_by("-created_at", "-id"):
        groups[share.state].append(_view(vault, share, people, today))
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
    share = Share.objects.filter(owner=user, id=share_id).first()
    if share is None:
        raise Http404("No such share.")
    people = people_rows(user=user, vault=vault, include_archived=True)
    return _view(vault, share, people, today)
