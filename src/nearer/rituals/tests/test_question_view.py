from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from nearer.conftest import Person
from nearer.rituals.questions import question_for
from nearer.rituals.services import daily_answer
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

URL = "/together/rituals/question/"


def answer(paired: Paired, who: Person, text: str) -> None:
    today = timezone.localdate()
    daily_answer(user=who.user, space=paired.space(who), day=today, today=today, text=text)


def test_it_shows_todays_question_to_both(paired: Paired) -> None:
    question = question_for(pair_id=paired.space(paired.alice).pair_id, day=timezone.localdate())
    for who in (paired.alice, paired.bob):
        response = who.client.get(URL)
        assert response.status_code == 200
        assert question.text.replace("'", "&#x27;") in response.content.decode()


def test_the_partners_answer_is_never_sent_before_both_answered(paired: Paired) -> None:
    answer(paired, paired.bob, "Bob whispers xylophonequartz")
    page = paired.alice.client.get(URL).content.decode()
    assert "xylophonequartz" not in page
    assert "Bob Finch has answered" in page
    answer(paired, paired.alice, "Alice hums zephyrmandolin")
    page = paired.alice.client.get(URL).content.decode()
    assert "xylophonequartz" in page and "zephyrmandolin" in page


def test_after_answering_alone_it_says_waiting_for_the_partner(paired: Paired) -> None:
    answer(paired, paired.alice, "Alice alone quokkalantern")
    page = paired.alice.client.get(URL).content.decode()
    assert "Waiting for Bob Finch" in page
    assert "quokkalantern" in page
    assert "quokkalantern" not in paired.bob.client.get(URL).content.decode()


def test_someone_without_a_space_goes_to_the_space_home(charlie: Person) -> None:
    response = charlie.client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/together/"


def test_it_needs_a_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
