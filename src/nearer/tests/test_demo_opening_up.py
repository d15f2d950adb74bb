"""The demo's shares: the shapes the services write, spread over the years, moments linked."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

import pytest
from django.utils import timezone

from nearer.accounts.models import User
from nearer.demo import build_demo
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.openness import OPENNESS
from nearer.opening.content import ShareContent, content_open
from nearer.opening.models import Share
from nearer.opening.selectors import WAITED_DAYS
from nearer.opening.services import MOMENT_KINDS
from nearer.people.models import ClosenessRating
from nearer.people.models import Person as PersonRow
from nearer.people.ratings import SUMMARY as RATINGS
from nearer.vault.box import Vault
from nearer.vault.derived import derived_opened
from nearer.vault.models import DerivedValue
from nearer.vault.services import keyring_unlock

TODAY = date(2026, 11, 30)
PASSWORD = "a demo password 123"


@dataclass
class Demo:
    user: User
    vault: Vault
    shares: list[tuple[Share, ShareContent]]

    def in_state(self, state: str) -> list[tuple[Share, ShareContent]]:
        return [(share, content) for share, content in self.shares if share.state == state]


@pytest.fixture
def demo(db: None) -> Demo:
    """Ten years with 60 people and the usual 150 shares, opened with the demo's key."""
    build_demo(
        username="sharesdemo",
        password=PASSWORD,
        years=10,
        entries=1,
        people=60,
        moments=200,
        checkins=False,
        scales=False,
        today=TODAY,
        out=io.StringIO(),
    )
    user = User.objects.get(username="sharesdemo")
    dek = keyring_unlock(user_id=user.pk, password=PASSWORD)
    assert dek is not None
    vault = Vault(user_id=user.pk, dek=dek)
    shares = [
        (share, content_open(vault, share.id, share.content))
        for share in Share.objects.filter(owner=user)
    ]
    return Demo(user=user, vault=vault, shares=shares)


def test_the_shares_stand_where_a_person_would_leave_them(demo: Demo) -> None:
    assert len(demo.shares) == 150
    counts = {state: len(demo.in_state(state)) for state in Share.State.values}
    assert counts["reflected"] >= 120
    assert counts["shared"] >= 5
    assert counts["preparing"] >= 2
    assert counts["let_go"] >= 2
    for share, content in demo.shares:
        assert content.text and content.people
        if share.state in ("preparing", "let_go"):
            assert (share.shared_on, share.moment_id, content.how) == (None, None, "")
        else:
            assert share.shared_on is not None and share.shared_on <= TODAY
            assert share.moment_id is not None and content.how
        if share.state != "reflected":
            assert (content.anxiety_after, content.reception, content.reciprocated) == (
                None,
                (),
                "",
            )
    # Made over the ten years, not all on the day the demo ran.
    made = sorted(timezone.localtime(share.created_at).date() for share, _ in demo.shares)
    assert made[0] < TODAY - timedelta(days=365 * 9)
    assert made[-1] <= TODAY
    # One share has waited long enough for the list's gentle word, the others are recent.
    waited = [
        share
        for share, _ in demo.in_state("preparing")
        if (TODAY - timezone.localtime(share.created_at).date()).days >= WAITED_DAYS
    ]
    assert len(waited) == 1


def test_anxiety_usually_falls_and_a_few_went_worse(demo: Demo) -> None:
    pairs = [
        (content.anxiety_before, content.anxiety_after)
        for _, content in demo.in_state("reflected")
        if content.anxiety_before is not None and content.anxiety_after is not None
    ]
    calmer = sum(1 for before, after in pairs if after < before)
    worse = sum(1 for before, after in pairs if after > before)
    assert calmer > 0.7 * len(pairs)
    assert 2 <= worse < 0.2 * len(pairs)
    # A realistic spread, not one number over and over.
    assert len({before for before, _ in pairs}) >= 5
    assert len({after for _, after in pairs}) >= 5
    answers = [content.reciprocated for _, content in demo.in_state("reflected")]
    assert answers.count("yes") > answers.count("no") > 0


def test_each_shared_share_has_the_moment_the_service_would_make(demo: Demo) -> None:
    for share, content in demo.in_state("shared") + demo.in_state("reflected"):
        assert share.moment_id is not None
        moment = Moment.objects.get(owner=demo.user, id=share.moment_id)
        said = moment_open(demo.vault, moment.id, moment.content)
        assert moment.occurred_on == share.shared_on
        assert said.kinds == MOMENT_KINDS
        assert said.how == content.how
        assert said.opened_up == ("both" if content.reciprocated == "yes" else "me")
        people = set(MomentPerson.objects.filter(moment=moment).values_list("person_id", flat=True))
        assert people == {UUID(pid) for pid in content.people}
    # Each person's clock is their latest moment, the shares' moments included.
    for person in PersonRow.objects.filter(owner=demo.user):
        days = MomentPerson.objects.filter(person=person).values_list("occurred_on", flat=True)
        assert person.last_moment_on == max(days, default=None)


def test_each_reflection_rated_closeness_and_the_summaries_hold_it(demo: Demo) -> None:
    rated: set[UUID] = set()
    for share, content in demo.in_state("reflected"):
        if content.closeness_after is None:
            continue
        assert share.shared_on is not None
        for pid in content.people:
            days = ClosenessRating.objects.filter(
                owner=demo.user,
                person_id=pid,
                rated_on__range=(share.shared_on, share.shared_on + timedelta(days=6)),
            )
            assert days.exists()
            rated.add(UUID(pid))
    assert rated
    # The stored summary of every person rated (not only one a reader works out anew).
    for person_id in rated:
        row = DerivedValue.objects.get(owner=demo.user, kind=RATINGS.name, subject=person_id)
        stored = derived_opened(
            RATINGS, vault=demo.vault, subject=person_id, version=row.version, content=row.content
        )
        assert stored == RATINGS.compute(demo.user.pk, demo.vault, person_id)


def test_who_opened_up_is_counted_with_the_shares_moments(demo: Demo) -> None:
    row = DerivedValue.objects.get(owner=demo.user, kind=OPENNESS.name)
    stored = derived_opened(
        OPENNESS, vault=demo.vault, subject=row.subject, version=row.version, content=row.content
    )
    assert stored == OPENNESS.compute(demo.user.pk, demo.vault, row.subject)
