from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.models import Moment
from nearer.moments.tests.conftest import AddPerson, clock_of, days_ago

pytestmark = pytest.mark.django_db


def test_the_form_has_every_picker_as_a_fieldset(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana")
    html = alice.client.get(f"/moments/new/?person={ana.id}").content.decode()
    for legend in (
        "Who were you with?",
        "How?",
        "Which kinds of closeness did it hold?",
        "How close did it feel?",
        "Who opened up?",
    ):
        assert legend in html
    assert f'value="{ana.id}"' in html and "checked" in html


def test_it_saves_everything(alice: Person, add_person: AddPerson) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    response = alice.client.post(
        "/moments/new/",
        {
            "people": [str(ana.id), str(ben.id)],
            "how": "video",
            "occurred_on": days_ago(2).isoformat(),
            "at": "20:15",
            "minutes": "40",
            "kinds": ["intellectual", "emotional"],
            "closeness": "5",
            "opened_up": "them",
            "note": "They told me about the new job.",
        },
    )
    assert response.status_code == 302
    moment = Moment.objects.get(owner=alice.user)
    content = content_open(alice.vault, moment.id, moment.content)
    assert (content.how, content.time, content.minutes, content.closeness, content.opened_up) == (
        "video",
        "20:15",
        40,
        5,
        "them",
    )
    assert content.kinds == ("emotional", "intellectual")
    assert clock_of(ana) == clock_of(ben) == days_ago(2)
    listing = alice.client.get("/moments/").content.decode()
    assert "They told me about the new job." in listing
    assert "Ana and Ben" in listing


_any_text = st.text(max_size=30)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "people": st.lists(_any_text, max_size=3),
            "how": _any_text,
            "occurred_on": _any_text,
            "at": _any_text,
            "minutes": _any_text,
            "kinds": st.lists(_any_text, max_size=3),
            "closeness": _any_text,
            "opened_up": _any_text,
            "note": _any_text,
        },
    )
)
def test_any_input_gets_a_page_never_a_500(alice: Person, data: dict[str, object]) -> None:
    clean = {k: (v if isinstance(v, list) else str(v).replace("\x00", "")) for k, v in data.items()}
    for url in ("/moments/new/", "/moments/quick/"):
        response = alice.client.post(url, clean)
        assert response.status_code in (200, 302)


def test_find_in_the_people_picker_saves_no_moment(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana Quartermaine")
    for n in range(12):
        add_person(alice, name=f"Someone{n:02d} Else")
    data = {
        "people": [str(ana.id)],
        "how": "call",
        "occurred_on": days_ago(0).isoformat(),
        "people_q": "someone0",
        "people_find": "1",
    }
    response = alice.client.post("/moments/new/", data)
    html = response.content.decode()
    assert response.status_code == 200 and not Moment.objects.exists()
    # The chosen one first and ticked, then the ten who match; no one else.
    assert html.count('type="checkbox" name="people"') == 11
    assert f'value="{ana.id}" id="id_people_0" checked' in html
    assert "10 people match" in html and "Someone10" not in html
