from __future__ import annotations

from django.urls import reverse

from nearer.checkins.models import CheckIn
from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def _url(checkin: CheckIn) -> str:
    return reverse("checkins:delete", kwargs={"checkin_id": checkin.id})


def test_it_asks_first_then_deletes(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    page = alice.client.get(_url(saved)).content.decode()
    assert "Delete this check-in?" in page and "Calm" in page
    assert CheckIn.objects.exists()
    response = alice.client.post(_url(saved))
    assert response.status_code == 302 and response["Location"] == "/checkins/2026/5/14/"
    assert not CheckIn.objects.exists()


def test_a_stranger_gets_404_and_nothing_is_deleted(
    alice: Person, charlie: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice)
    assert charlie.client.get(_url(saved)).status_code == 404
    assert charlie.client.post(_url(saved)).status_code == 404
    assert CheckIn.objects.exists()
