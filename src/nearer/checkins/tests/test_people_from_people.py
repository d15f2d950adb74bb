"""With the real People app: its people are offered, named and checked as the person's own."""

from __future__ import annotations

from nearer.checkins.content import content_open
from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.people.content import PersonDetails
from nearer.people.services import person_archive, person_create

URL = "/checkins/new/"


def test_people_are_offered_saved_and_named(alice: Person, bob: Person) -> None:
    sam = person_create(user=alice.user, vault=alice.vault, details=PersonDetails(name="Sam Lee"))
    gone = person_create(
        user=alice.user, vault=alice.vault, details=PersonDetails(name="Old Flatmate")
    )
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    kim = person_create(user=bob.user, vault=bob.vault, details=PersonDetails(name="Kimberly"))

    step2 = alice.client.post(URL, {"step": "feeling", "pleasantness": "2", "energy": "1"})
    html = step2.content.decode()
    assert "Sam Lee" in html and "Old Flatmate" not in html and "Kimberly" not in html

    posted = {"step": "details", "pleasantness": "2", "energy": "1", "emotion": "loving"}
    refused = alice.client.post(URL, {**posted, "people": [str(kim.id)]})
    assert refused.status_code == 200 and not CheckIn.objects.exists()

    saved = alice.client.post(URL, {**posted, "people": [str(sam.id)]})
    assert saved.status_code == 302
    row = CheckIn.objects.get()
    assert content_open(alice.vault, row.id, row.content).people == (str(sam.id),)
    assert "Sam Lee" in alice.client.get(saved["Location"]).content.decode()
