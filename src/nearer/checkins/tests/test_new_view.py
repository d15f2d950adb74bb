from __future__ import annotations

import uuid

from django.urls import reverse

from nearer.checkins.content import content_open
from nearer.checkins.kind_words import kind_word
from nearer.checkins.models import CheckIn
from nearer.checkins.tests.conftest import PeopleMaker
from nearer.conftest import Person

URL = reverse("checkins:new")


def _details(**fields: str | list[str]) -> dict[str, str | list[str]]:
    values: dict[str, str | list[str]] = {
        "step": "details",
        "pleasantness": "1",
        "energy": "-1",
        "emotion": "calm",
    }
    values.update(fields)
    return values


def test_step_one_shows_one_grid_of_25_real_radios(alice: Person) -> None:
    html = alice.client.get(URL).content.decode()
    assert html.count('type="radio" name="feeling"') == 25
    assert 'name="pleasantness"' not in html and 'name="energy"' not in html
    # Each cell is named in words, the middle too; the shape is drawn beside it.
    for said in (
        "pleasant, high energy",
        "neutral, medium energy",
        "very unpleasant, very low energy",
    ):
        assert f'<span class="visually-hidden">{said}</span>' in html
    # Step one's words wait, hidden, for a cell (nearer.js shows them); "Done" too.
    assert "data-checkin-words hidden" in html and "data-checkin-done hidden" in html


def test_a_cell_leads_to_the_words_of_its_quadrant(alice: Person) -> None:
    html = alice.client.post(URL, {"step": "feeling", "feeling": "-2,2"}).content.decode()
    assert 'value="stressed"' in html and 'value="calm"' not in html
    assert "You feel <strong>very unpleasant, very high energy</strong>" in html


def test_done_on_step_one_saves_at_once_with_a_kind_word(alice: Person) -> None:
    data = {"step": "feeling", "feeling": "1,-1", "emotion": "calm", "done": "1"}
    response = alice.client.post(URL, data, follow=True)
    checkin = CheckIn.objects.get()
    content = content_open(alice.vault, checkin.id, checkin.content)
    assert (content.pleasantness, content.energy, content.emotion) == (1, -1, "calm")
    said = [str(m) for m in response.context["messages"]]
    assert said == [kind_word(checkin_id=checkin.id, pleasantness=1)]
    assert "message-kind-word" in response.content.decode()


def test_done_on_step_one_without_a_word_asks_for_one(alice: Person) -> None:
    response = alice.client.post(URL, {"step": "feeling", "feeling": "1,-1", "done": "1"})
    assert response.status_code == 200
    assert "Please choose the word that fits best." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_next_on_step_one_keeps_a_word_chosen_there(alice: Person) -> None:
    html = alice.client.post(
        URL, {"step": "feeling", "feeling": "1,-1", "emotion": "calm"}
    ).content.decode()
    assert 'value="calm" required checked' in html


def test_step_two_offers_the_words_of_the_quadrant(alice: Person) -> None:
    html = alice.client.post(
        URL, {"step": "feeling", "pleasantness": "-2", "energy": "2"}
    ).content.decode()
    assert 'value="stressed"' in html and 'value="calm"' not in html
    assert "High energy, unpleasant" in html


def test_the_middle_offers_both_sides(alice: Person) -> None:
    html = alice.client.post(
        URL, {"step": "feeling", "pleasantness": "0", "energy": "2"}
    ).content.decode()
    assert 'value="stressed"' in html and 'value="joyful"' in html
    assert 'value="calm"' not in html


def test_step_one_without_a_cell_asks_again(alice: Person) -> None:
    for data in ({}, {"pleasantness": "1"}, {"feeling": "3,3"}, {"feeling": "1"}):
        response = alice.client.post(URL, {"step": "feeling", **data})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Please choose how you feel: one square of the grid." in html
        assert "checked" not in html
    assert not CheckIn.objects.exists()


def test_it_saves_and_shows_the_day(alice: Person, people: PeopleMaker) -> None:
    sam = people.add(alice, "Sam")
    response = alice.client.post(URL, _details(people=[sam], tags="sleep", note="Slept well"))
    assert response.status_code == 302
    checkin = CheckIn.objects.get()
    assert response["Location"].endswith(f"#checkin-{checkin.id}")
    page = alice.client.get(response["Location"]).content.decode()
    assert "Calm" in page and "Sam" in page and "Slept well" in page and "sleep" in page


def test_step_two_lists_the_persons_people(alice: Person, people: PeopleMaker) -> None:
    people.add(alice, "Sam")
    people.add(alice, "Old friend", archived=True)
    html = alice.client.post(
        URL, {"step": "feeling", "pleasantness": "1", "energy": "1"}
    ).content.decode()
    assert 'name="people"' in html and "Sam" in html and "Old friend" not in html


def test_a_word_from_another_quadrant_is_refused(alice: Person) -> None:
    response = alice.client.post(URL, _details(emotion="furious"))
    assert "Please choose one of the words shown." in response.content.decode()
    response = alice.client.post(URL, _details(emotion="angry"))
    assert "doesn&#x27;t fit" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_someone_elses_person_is_refused(alice: Person, bob: Person, people: PeopleMaker) -> None:
    kim = people.add(bob, "Kimberly")
    response = alice.client.post(URL, _details(people=[kim]))
    assert response.status_code == 200
    assert "isn&#x27;t in your People" in response.content.decode()
    assert "Kimberly" not in response.content.decode()
    assert not CheckIn.objects.exists()


def test_tampered_scales_go_back_to_step_one(alice: Person) -> None:
    for bad in ("7", "-3", "x", ""):
        response = alice.client.post(URL, _details(pleasantness=bad))
        assert response.status_code == 200
        assert "How pleasant, and how much energy?" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_too_long_note_keeps_the_words_and_saves_nothing(alice: Person) -> None:
    response = alice.client.post(URL, _details(note="word " * 500))
    html = response.content.decode()
    assert "Please keep the note to 2,000 characters" in html
    assert "word word" in html
    assert not CheckIn.objects.exists()


def test_change_how_i_feel_goes_back_with_the_answers(alice: Person) -> None:
    html = alice.client.post(URL, _details(back="1")).content.decode()
    assert 'name="feeling" value="1,-1" required checked' in html
    assert html.count("checked") == 1


def test_the_same_step_two_twice_saves_once(alice: Person) -> None:
    the_id = str(uuid.uuid4())
    alice.client.post(URL, _details(checkin_id=the_id))
    alice.client.post(URL, _details(checkin_id=the_id))
    checkin = CheckIn.objects.get()
    assert str(checkin.id) == the_id
    assert content_open(alice.vault, checkin.id, checkin.content).emotion == "calm"


def test_it_needs_a_login(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    assert client.get(URL).status_code == 302


def test_a_tampered_or_foreign_checkin_id_makes_a_new_one(alice: Person, bob: Person) -> None:
    bobs = bob.client.post(URL, _details(emotion="content"))
    assert bobs.status_code == 302
    theirs = CheckIn.objects.get(owner=bob.user)
    for bad in ("not-a-uuid", str(theirs.id)):
        response = alice.client.post(URL, _details(checkin_id=bad))
        assert response.status_code == 302
    mine = CheckIn.objects.filter(owner=alice.user)
    assert mine.count() == 2 and theirs.id not in {c.id for c in mine}
    assert CheckIn.objects.get(id=theirs.id).content == theirs.content


def test_step_two_shows_a_handful_of_many_people_and_finds_the_rest(
    alice: Person, people: PeopleMaker
) -> None:
    for n in range(30):
        people.add(alice, f"Walker{n:02d} Person")
    html = alice.client.post(URL, {"step": "feeling", "feeling": "1,-1"}).content.decode()
    assert html.count('type="checkbox" name="people"') == 8
    assert "The 8 you see most and lately, of 30 people." in html
    # The newest first after those seen most: someone just added is likely next.
    assert html.index("Walker29 Person") < html.index("Walker28 Person")


def test_find_on_step_two_saves_nothing_and_keeps_what_was_typed(
    alice: Person, people: PeopleMaker
) -> None:
    for n in range(30):
        people.add(alice, f"Walker{n:02d} Person")
    response = alice.client.post(
        URL, _details(note="Tea outside", people_q="walker1", people_find="1")
    )
    html = response.content.decode()
    assert response.status_code == 200 and not CheckIn.objects.exists()
    assert "Tea outside" in html and 'value="calm" required checked' in html
    assert html.count('type="checkbox" name="people"') == 10  # Walker10 to Walker19
    assert "field-invalid" not in html


def test_two_people_with_one_first_name_are_told_apart(alice: Person, people: PeopleMaker) -> None:
    people.add(alice, "Emma Rosenthal", called="Emma")
    people.add(alice, "Emma Thornbury", called="Emma")
    html = alice.client.post(URL, {"step": "feeling", "feeling": "1,-1"}).content.decode()
    assert "<span>Emma R.</span>" in html and "<span>Emma T.</span>" in html
