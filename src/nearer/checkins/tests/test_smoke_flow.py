from __future__ import annotations

from nearer.checkins.models import CheckIn
from nearer.conftest import Person


def test_it_checks_in_in_two_steps(alice: Person) -> None:
    client = alice.client
    page = client.get("/")
    assert page.status_code == 200
    assert b'name="pleasantness"' in page.content
    step2 = client.post("/checkins/new/", {"step": "feeling", "pleasantness": "1", "energy": "-1"})
    assert step2.status_code == 200
    assert b'value="calm"' in step2.content
    saved = client.post("/checkins/new/", {"step": "details", "pleasantness": "1", "energy": "-1",
                                           "emotion": "calm", "tags": "sleep", "note": "ok"})
    assert saved.status_code == 302, saved.content.decode()[:3000]
    checkin = CheckIn.objects.get()
    day = client.get(saved["Location"])
    assert b"Calm" in day.content
    month = client.get(f"/checkins/{checkin.local_date.year}/{checkin.local_date.month}/")
    assert b"mood-lp" in month.content
    assert client.get("/checkins/").status_code == 200
    assert b"Calm" in client.get(f"/checkins/{checkin.id}/edit/").content
    assert client.get(f"/checkins/{checkin.id}/delete/").status_code == 200
    assert b"once" in client.get("/").content
