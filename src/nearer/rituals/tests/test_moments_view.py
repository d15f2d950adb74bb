from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.moments.models import Moment
from nearer.rituals.content import MAX_SHARED_NOTE
from nearer.rituals.models import SharedMoment
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

URL = "/together/rituals/moments/"


def test_it_logs_a_moment_for_both_and_lists_it(paired: Paired) -> None:
    data = {"day": timezone.localdate().isoformat(), "kinds": ["physical"], "note": "dance"}
    response = paired.alice.client.post(URL, data)
    assert response.status_code == 302
    assert Moment.objects.filter(owner=paired.alice.user).count() == 1
    page = paired.bob.client.get(URL).content.decode()
    assert "logged by Alice Wren" in page and "dance" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kinds": []}, "Choose at least one kind of closeness."),
        ({"note": "n" * (MAX_SHARED_NOTE + 1)}, f"Please keep it to {MAX_SHARED_NOTE} characters."),
        ({"day": "2001-01-01"}, "Choose a day within the past year, up to today."),
    ],
)
def test_a_bad_moment_is_a_clear_message_and_saves_nothing(
    paired: Paired, data: dict[str, object], message: str
) -> None:
    values = {"day": timezone.localdate().isoformat(), "kinds": ["physical"], "note": "", **data}
    response = paired.alice.client.post(URL, values)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SharedMoment.objects.exists()
