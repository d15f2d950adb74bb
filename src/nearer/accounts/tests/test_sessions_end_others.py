"""Log out everywhere else: every other session of the person ends, this one stays."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import Person

URL = "/accounts/security/sessions/end-others/"


def test_it_ends_every_other_session_and_keeps_this_one(alice: Person, bob: Person) -> None:
    others = []
    for _ in range(2):
        other = Client()
        other.post("/accounts/login/", {"username": "alice", "password": alice.password})
        others.append(other)
    response = alice.client.post(URL)
    assert response.status_code == 302
    assert all(other.get("/").status_code == 302 for other in others)
    assert alice.client.get("/").status_code == 200
    assert bob.client.get("/").status_code == 200
    assert (
        "Only this device is logged in." in alice.client.get("/accounts/security/").content.decode()
    )


def test_it_says_so_when_there_were_no_others(alice: Person) -> None:
    response = alice.client.post(URL, follow=True)
    assert "There were no other sessions" in response.content.decode()


def test_it_needs_a_login(db: None) -> None:
    assert Client().post(URL).status_code == 302
