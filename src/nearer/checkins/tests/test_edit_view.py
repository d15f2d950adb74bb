from __future__ import annotations

from django.urls import reverse

from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def _url(checkin: CheckIn) -> str:
    return reverse("checkins:edit", kwargs={"checkin_id": checkin.id})


def test_it_opens_at_step_two_filled_in(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice, tags="tea", note="Quiet morning")
    html = alice.client.get(_url(saved)).content.decode()
    assert 'value="calm" required checked' in html
    assert "Quiet morning" in html and 'value="tea"' in html


def test_it_changes_the_check_in(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    response = alice.client.post(
        _url(saved),
        {"step": "details", "pleasantness": "-2", "energy": "-2", "emotion": "sad", "note": ""},
    )
    assert response.status_code == 302
    row = CheckIn.objects.get()
    assert content_open(alice.vault, row.id, row.content).emotion == "sad"
    assert row.at == saved.at


def test_it_can_go_back_to_the_scales(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    html = alice.client.post(
        _url(saved), {"step": "details", "pleasantness": "1", "energy": "-1", "back": "1"}
    ).content.decode()
    assert "Change how you felt" in html
    html = alice.client.post(
        _url(saved), {"step": "feeling", "pleasantness": "2", "energy": "2"}
    ).content.decode()
    assert 'value="joyful"' in html and "Change this check-in" in html


def test_bad_input_changes_nothing(alice: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    response = alice.client.post(
        _url(saved), {"step": "details", "pleasantness": "2", "energy": "2", "emotion": "sad"}
    )
    assert response.status_code == 200
    assert CheckIn.objects.get().content == saved.content


def test_a_stranger_gets_404(alice: Person, charlie: Person, check_in: CheckInMaker) -> None:
    saved = check_in(alice)
    assert charlie.client.get(_url(saved)).status_code == 404
    response = charlie.client.post(
        _url(saved), {"step": "details", "pleasantness": "-2", "energy": "-2", "emotion": "sad"}
    )
    assert response.status_code == 404
    assert CheckIn.objects.get().content == saved.content


def test_an_unreadable_check_in_is_not_offered_for_change(
    alice: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice)
    CheckIn.objects.filter(id=saved.id).update(content=b"\x00broken")
    response = alice.client.get(_url(saved), follow=True)
    assert "could not be opened" in response.content.decode()


def test_done_on_step_one_of_a_change_keeps_the_tags_and_note(
    alice: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice, tags="tea", note="Quiet morning")
    page = alice.client.get(_url(saved), follow=False)
    assert page.status_code == 200
    step_one = alice.client.post(_url(saved), {"step": "details", "back": "1", "feeling": "1,-1"})
    assert 'name="done"' not in step_one.content.decode()
    # A hand-made "Done" leads on to step two, filled in; nothing is saved yet.
    response = alice.client.post(
        _url(saved), {"step": "feeling", "feeling": "-1,-1", "emotion": "sad", "done": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Quiet morning" in html
    row = CheckIn.objects.get()
    content = content_open(alice.vault, row.id, row.content)
    assert (content.emotion, content.tags, content.note) == ("calm", ("tea",), "Quiet morning")
