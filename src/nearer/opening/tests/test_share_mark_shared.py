from __future__ import annotations

import contextlib
import threading
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connections
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment, MomentPerson
from nearer.opening import services
from nearer.opening.content import content_open
from nearer.opening.models import Share
from nearer.opening.services import share_mark_shared
from nearer.opening.tests.conftest import AddPerson, AddShare, opened
from nearer.people.models import Person as PersonRow

pytestmark = pytest.mark.django_db


def _mark(owner: Person, share: Share, day: date, how: str = "in_person") -> Share:
    return share_mark_shared(
        user=owner.user,
        vault=owner.vault,
        share_id=share.id,
        shared_on=day,
        how=how,
        today=timezone.localdate(),
    )


def test_it_makes_a_moment_where_i_opened_up(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    day = timezone.localdate() - timedelta(days=3)
    share = _mark(alice, add_share(alice, [ana, ben]), day)
    stored, content = opened(alice, share.id)
    assert (stored.state, stored.shared_on, content.how) == (Share.State.SHARED, day, "in_person")
    assert stored.moment_id is not None
    moment = Moment.objects.get(id=stored.moment_id, owner=alice.user)
    said = moment_open(alice.vault, moment.id, moment.content)
    assert (moment.occurred_on, said.how, said.kinds, said.opened_up) == (
        day,
        "in_person",
        ("emotional",),
        "me",
    )
    assert set(MomentPerson.objects.filter(moment=moment).values_list("person_id", flat=True)) == {
        ana.id,
        ben.id,
    }
    assert PersonRow.objects.get(id=ana.id).last_moment_on == day


def test_marking_it_again_changes_the_one_moment(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    earlier = timezone.localdate() - timedelta(days=10)
    _mark(alice, share, earlier, how="letter")
    moment = Moment.objects.get(owner=alice.user)
    assert moment.occurred_on == earlier
    assert moment_open(alice.vault, moment.id, moment.content).how == "letter"


@pytest.mark.parametrize(
    ("day", "how", "field"),
    [
        (timezone.localdate() + timedelta(days=1), "call", "shared_on"),
        (date(1899, 12, 31), "call", "shared_on"),
        (timezone.localdate(), "telepathy", "how"),
    ],
)
def test_a_bad_day_or_how_changes_nothing(
    alice: Person, add_person: AddPerson, add_share: AddShare, day: date, how: str, field: str
) -> None:
    share = add_share(alice, [add_person(alice)])
    with pytest.raises(ValidationError) as caught:
        _mark(alice, share, day, how)
    assert field in caught.value.message_dict
    assert opened(alice, share.id)[0].state == Share.State.PREPARING
    assert not Moment.objects.exists()


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    with pytest.raises(Http404):
        _mark(alice, theirs, timezone.localdate())
    assert not Moment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_taps_at_once_make_one_moment(
    alice: Person, add_person: AddPerson, add_share: AddShare, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both requests read the share, then wait for each other before writing: without
    # the row lock both saw "no moment yet" and each made one. With it the second
    # waits for the first to commit (the barrier gives up after a moment), then finds
    # the moment and changes it instead.
    share = add_share(alice, [add_person(alice)])
    together = threading.Barrier(2, timeout=3)
    real_open = content_open

    def open_then_wait(*args: Any) -> Any:
        opened_now = real_open(*args)
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait()
        return opened_now

    monkeypatch.setattr(services, "content_open", open_then_wait)
    failures: list[BaseException] = []

    def tap() -> None:
        try:
            _mark(alice, share, timezone.localdate())
        except BaseException as exc:  # kept and asserted on below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert Moment.objects.filter(owner=alice.user).count() == 1
    assert opened(alice, share.id)[0].moment_id == Moment.objects.get().id
