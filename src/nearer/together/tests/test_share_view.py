"""Sharing from one's own space: a sealed copy the partner sees, unshared by deleting it."""

from __future__ import annotations

from uuid import uuid4

from nearer.conftest import Person
from nearer.together.models import SharedCopy
from nearer.together.tests.helpers import pair_up


def _entry(person: Person, body: str) -> str:
    response = person.client.post(
        "/journal/new/", {"entry_date": "2026-11-20", "title": "Marram", "body": body}
    )
    assert response.status_code == 302, response.content[:300]
    return str(response["Location"].rstrip("/").rsplit("/", 1)[1])


def test_a_shared_entry_is_seen_by_the_partner_and_gone_once_unshared(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    entry_id = _entry(alice, "Sandpiper <b>quietly</b>")
    page = alice.client.get(f"/journal/{entry_id}/")
    assert b"Share with" in page.content
    alice.client.post("/together/share/", {"kind": "entry", "item": entry_id})
    seen = bob.client.get("/together/").content
    assert b"Sandpiper &lt;b&gt;quietly&lt;/b&gt;" in seen
    copy = SharedCopy.objects.get()
    assert b"Sandpiper" not in bytes(copy.content)
    assert alice.client.post(f"/together/shared/{copy.id}/unshare/").status_code == 302
    assert b"Sandpiper" not in bob.client.get("/together/").content


def test_the_partner_cannot_unshare_nor_share_what_is_not_theirs(
    alice: Person, bob: Person
) -> None:
    pair_up(alice, bob)
    entry_id = _entry(alice, "Sandpiper")
    assert (
        bob.client.post("/together/share/", {"kind": "entry", "item": entry_id}).status_code == 404
    )
    alice.client.post("/together/share/", {"kind": "entry", "item": entry_id})
    copy = SharedCopy.objects.get()
    assert bob.client.post(f"/together/shared/{copy.id}/unshare/").status_code == 404
    assert bob.client.post(f"/together/shared/{uuid4()}/unshare/").status_code == 404
    assert SharedCopy.objects.count() == 1


def test_without_a_space_there_is_no_share_form(alice: Person) -> None:
    entry_id = _entry(alice, "Sandpiper")
    assert b"Share with" not in alice.client.get(f"/journal/{entry_id}/").content


def test_a_next_address_off_the_site_is_not_followed(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    entry_id = _entry(alice, "Sandpiper")
    for target in ("//evil.example/", "/\\evil.example/", "https://evil.example/"):
        response = alice.client.post(
            "/together/share/", {"kind": "entry", "item": entry_id, "next": target}
        )
        assert response["Location"] == "/together/", target


def test_a_checkins_page_offers_sharing_only_when_paired(alice: Person, bob: Person) -> None:
    from nearer.checkins.services import checkin_create

    checkin = checkin_create(
        user=alice.user, vault=alice.vault, pleasantness=1, energy=-1, emotion="calm"
    )
    assert b"Share with" not in alice.client.get(f"/checkins/{checkin.id}/edit/").content
    pair_up(alice, bob)
    page = alice.client.get(f"/checkins/{checkin.id}/edit/").content
    assert b"Share with Accepter Marchbank" in page
