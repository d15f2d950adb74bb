"""Helpers for the rituals' tests: two people paired the way people pair (an invite
made and accepted through Together's services), and their open spaces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from nearer.conftest import Person
from nearer.rituals.content import Answer, answer_seal
from nearer.rituals.models import DailyAnswer
from nearer.rituals.questions import question_for
from nearer.together.services import invite_accept, invite_create, pair_refresh
from nearer.together.space import Space, space_open


@dataclass
class Paired:
    alice: Person
    bob: Person

    def space(self, who: Person) -> Space:
        space = space_open(user=who.user, vault=who.vault)
        assert space is not None
        return space


def pair(
    inviter: Person,
    accepter: Person,
    *,
    inviter_name: str = "Alice Wren",
    accepter_name: str = "Bob Finch",
) -> Paired:
    """Pair ``inviter`` with ``accepter``; both have the other in their People."""
    made = invite_create(user=inviter.user, vault=inviter.vault, name=inviter_name)
    invite_accept(user=accepter.user, vault=accepter.vault, code=made.code, name=accepter_name)
    # The inviter's side (their copy of the key, the partner in People) comes at
    # their next POST; here at once.
    pair_refresh(user=inviter.user, vault=inviter.vault)
    return Paired(alice=inviter, bob=accepter)


@pytest.fixture
def paired(alice: Person, bob: Person) -> Paired:
    return pair(alice, bob)


def answer_row(space: Space, who: Person, day: date, text: str) -> DailyAnswer:
    """Save an answer of a past day directly (the service takes today and yesterday only)."""
    row = DailyAnswer(pair_id=space.pair_id, author=who.user, day=day)
    question = question_for(pair_id=space.pair_id, day=day)
    row.content = answer_seal(space.box, row.id, Answer(question=question.id, answer=text))
    row.save(force_insert=True)
    return row
