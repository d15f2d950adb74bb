"""Whatever is posted or passed, a check-in never crashes: it saves or explains."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nearer.checkins.forms import CheckInForm
from nearer.checkins.models import CheckIn
from nearer.checkins.services import checkin_create
from nearer.conftest import Person

values = st.one_of(
    st.integers(-5, 5).map(str),
    st.text(max_size=12),
    st.just("calm"),
    st.sampled_from(["stressed", "joyful", "sad", "at-ease"]),
)


@given(
    p=values,
    e=values,
    word=values,
    tags=st.text(max_size=60),
    note=st.text(max_size=60),
    people=st.lists(st.text(max_size=40), max_size=3),
)
@settings(max_examples=200, deadline=None)
# A word that does not fit the answers: refused by clean(), not by one field.
@example(p="-2", e="-2", word="joyful", tags="", note="", people=[])
def test_the_form_takes_any_post_without_crashing(
    p: str, e: str, word: str, tags: str, note: str, people: list[str]
) -> None:
    form = CheckInForm(
        {
            "pleasantness": p,
            "energy": e,
            "emotion": word,
            "tags": tags,
            "note": note,
            "people": people,
        },
        people=[],
    )
    if form.is_valid():
        assert -2 <= form.cleaned_data["pleasantness"] <= 2
        assert not form.cleaned_data["people"]
    else:
        # Every refusal is said beside a field of the form, in words.
        assert set(form.errors) <= set(form.fields), form.errors
        assert all(str(message).strip() for errors in form.errors.values() for message in errors)


@pytest.mark.django_db
@given(
    p=st.integers(-4, 4),
    e=st.integers(-4, 4),
    word=st.sampled_from(["calm", "stressed", "joyful", "sad", "nope", ""]),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_service_saves_or_refuses_every_combination(
    alice: Person, p: int, e: int, word: str
) -> None:
    before = CheckIn.objects.count()
    try:
        checkin_create(user=alice.user, vault=alice.vault, pleasantness=p, energy=e, emotion=word)
    except ValidationError:
        assert CheckIn.objects.count() == before
    else:
        assert -2 <= p <= 2 and -2 <= e <= 2
        assert CheckIn.objects.count() == before + 1
