"""Helpers for Opening up tests: people and shares are made through the services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening import services
from nearer.opening.content import ShareContent, content_open
from nearer.opening.models import Share
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow

AddPerson = Callable[..., PersonRow]
AddShare = Callable[..., Share]


@pytest.fixture
def add_person() -> AddPerson:
    """Return add_person(alice, name="Ana", ...) -> the row."""

    def _add(owner: Person, **fields: Any) -> PersonRow:
        values: dict[str, Any] = {"name": "Ana Moreno", "circle": "close"}
        values.update(fields)
        return people_services.person_create(
            user=owner.user, vault=owner.vault, details=PersonDetails(**values), dates=()
        )

    return _add


@pytest.fixture
def add_share() -> AddShare:
    """Return add_share(alice, [person, ...], text=..., shared_on=..., how=...) -> share.

    With ``shared_on`` the share is marked shared too (``how`` defaults to a call)."""

    def _add(owner: Person, people: Sequence[PersonRow], **fields: Any) -> Share:
        shared_on = fields.pop("shared_on", None)
        how = fields.pop("how", "call")
        values: dict[str, Any] = {"text": "Something I have carried a while"}
        values.update(fields)
        share = services.share_prepare(
            user=owner.user, vault=owner.vault, person_ids=[p.id for p in people], **values
        )
        if shared_on is not None:
            share = services.share_mark_shared(
                user=owner.user,
                vault=owner.vault,
                share_id=share.id,
                shared_on=shared_on,
                how=how,
                today=timezone.localdate(),
            )
        return share

    return _add


def opened(owner: Person, share_id: Any) -> tuple[Share, ShareContent]:
    """Return the share as stored now, with its content opened."""
    share = Share.objects.get(owner=owner.user, id=share_id)
    return share, content_open(owner.vault, share.id, share.content)
