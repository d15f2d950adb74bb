from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conftest import Person
from nearer.people.models import ClosenessRating
from nearer.people.selectors import closeness_history
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_offers_seven_labelled_radios_in_a_fieldset(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice, called="May")
    html = alice.client.get(reverse("people:closeness", kwargs={"person_id": row.id})).content
    text = html.decode()
    assert "<fieldset" in text and "<legend>" in text
    assert text.count('type="radio" name="value"') == 7
    assert text.count('aria-hidden="true" focusable="false"') >= 7
    assert "the circles overlap halfway" in text and "of 7:" in text


def test_it_saves_todays_rating(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    url = reverse("people:closeness", kwargs={"person_id": row.id})
    response = alice.client.post(url, {"value": "5"})
    assert response.status_code == 302 and response["Location"].endswith("#closeness")
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == [
        (timezone.localdate(), 5)
    ]


def test_rating_again_the_same_day_says_it_replaces_the_first(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    url = reverse("people:closeness", kwargs={"person_id": row.id})
    assert "You rated this today already" not in alice.client.get(url).content.decode()
    first = alice.client.post(url, {"value": "3"}, follow=True).content.decode()
    assert "replaces the rating you gave earlier today" not in first
    assert "You rated this today already" in alice.client.get(url).content.decode()
    again = alice.client.post(url, {"value": "6"}, follow=True).content.decode()
    assert "This replaces the rating you gave earlier today." in again
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == [
        (timezone.localdate(), 6)
    ]


@pytest.mark.parametrize("data", [{}, {"value": "0"}, {"value": "8"}, {"value": "x"}])
def test_no_choice_or_a_bad_one_gets_a_message(
    alice: Person, add_person: AddPerson, data: dict[str, str]
) -> None:
    row = add_person(alice)
    response = alice.client.post(reverse("people:closeness", kwargs={"person_id": row.id}), data)
    assert response.status_code == 200 and b"form-errors" in response.content
    assert not ClosenessRating.objects.exists()


def test_the_pictures_are_the_forms_own_radios_marked_invalid_after_a_mistake(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    url = reverse("people:closeness", kwargs={"person_id": row.id})
    text = alice.client.post(url, {}).content.decode()
    assert text.count('<div class="ios-option">') == 7
    assert text.count('aria-invalid="true"') == 7
    assert 'class="ios-picker field-invalid"' in text
    assert 'id="ios-value_3" value="4" required' in text
    assert " checked" not in text
