"""A third account in a space of its own sees and changes nothing of another pair's."""

from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.conftest import Person, make_person
from nearer.rituals.deck_services import pair_session_start
from nearer.rituals.models import CheckinPart, DailyAnswer, SharedMoment
from nearer.rituals.services import checkin_prepare, daily_answer, shared_moment_log
from nearer.rituals.tests.helpers import Paired, pair

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_another_pairs_rows_are_404_and_their_words_never_shown(
    paired: Paired, charlie: Person
) -> None:
    alice = paired.alice
    space = paired.space(alice)
    daily_answer(user=alice.user, space=space, day=TODAY, today=TODAY, text="alice owlbutterscotch")
    part = checkin_prepare(
        user=alice.user, space=space, today=TODAY, fields={"appreciations": "alice owlbutterscotch"}
    )
    shared_moment_log(
        user=alice.user,
        vault=alice.vault,
        space=space,
        day=TODAY,
        today=TODAY,
        kinds=["emotional"],
        note="alice owlbutterscotch",
    )
    session = pair_session_start(user=alice.user, space=space, length=10)
    pair(charlie, make_person("dave"), inviter_name="Charlie", accepter_name="Dave")
    before = (
        DailyAnswer.objects.count(),
        CheckinPart.objects.count(),
        SharedMoment.objects.count(),
    )
    for url in (
        f"/together/rituals/check-in/{part.week_id}/",
        f"/together/rituals/cards/{session.id}/",
    ):
        assert charlie.client.get(url).status_code == 404
    step = {"step": "stop", "answered": "0", "card": ""}
    assert (
        charlie.client.post(f"/together/rituals/cards/{session.id}/step/", step).status_code == 404
    )
    for url in (
        "/together/rituals/question/",
        "/together/rituals/question/earlier/",
        "/together/rituals/check-in/",
        "/together/rituals/check-in/earlier/",
        "/together/rituals/moments/",
        "/together/rituals/cards/",
    ):
        page = charlie.client.get(url)
        assert page.status_code == 200, url
        assert b"owlbutterscotch" not in page.content, url
    assert (
        DailyAnswer.objects.count(),
        CheckinPart.objects.count(),
        SharedMoment.objects.count(),
    ) == before
