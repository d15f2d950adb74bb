from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.opening.models import Share
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_marking_it_shared_makes_a_moment_seen_on_the_persons_page(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Anastasia Quill")
    share = add_share(alice, [ana])
    html = alice.client.get(f"/opening-up/{share.id}/shared/").content.decode()
    assert "A day from 1900 up to today." in html and "<legend>How?</legend>" in html
    day = timezone.localdate() - timedelta(days=1)
    response = alice.client.post(
        f"/opening-up/{share.id}/shared/", {"shared_on": day.isoformat(), "how": "video"}
    )
    assert response.status_code == 302
    stored = opened(alice, share.id)[0]
    assert (stored.state, stored.shared_on) == (Share.State.SHARED, day)
    assert stored.moment_id is not None
    assert Moment.objects.filter(owner=alice.user, id=stored.moment_id).exists()
    person_page = alice.client.get(f"/people/{ana.id}/").content.decode()
    assert "Video" in person_page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"shared_on": "2999-01-01", "how": "call"}, "That day hasn&#x27;t come yet"),
        ({"shared_on": "1899-12-31", "how": "call"}, "Please choose a day after 1900."),
        ({"shared_on": "someday", "how": "call"}, "Please give a day, like 2026-05-14."),
        ({"shared_on": "2020-01-01", "how": "pigeon"}, "Choose how you shared it."),
    ],
)
def test_bad_input_is_a_clear_message_and_changes_nothing(
    alice: Person, add_person: AddPerson, add_share: AddShare, data: dict[str, str], message: str
) -> None:
    share = add_share(alice, [add_person(alice)])
    response = alice.client.post(f"/opening-up/{share.id}/shared/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert opened(alice, share.id)[0].state == Share.State.PREPARING
    assert not Moment.objects.exists()


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    response = alice.client.post(
        f"/opening-up/{theirs.id}/shared/",
        {"shared_on": timezone.localdate().isoformat(), "how": "call"},
    )
    assert response.status_code == 404 and not Moment.objects.exists()
