"""The invite page: a code shown once, a link with it, only a hash stored."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.models import Invite


def test_an_invite_shows_its_code_once_and_stores_only_its_hash(alice: Person) -> None:
    response = alice.client.post("/together/invite/", {"name": "Wren Pocklington"})
    assert response.status_code == 200
    code = response.context["code"]
    assert len(code.replace("-", "")) == 24
    assert f"/together/accept/?code={code.replace('-', '')}" in response.context["link"]
    invite = Invite.objects.get(inviter=alice.user)
    assert code.replace("-", "") not in invite.code_hash
    again = alice.client.get("/together/")
    assert code.encode() not in again.content


def test_an_empty_name_is_a_clear_message_and_makes_no_invite(alice: Person) -> None:
    response = alice.client.post("/together/invite/", {"name": "   "})
    assert response.status_code == 200
    assert (
        b"This field is required" in response.content or b"Please give a name" in response.content
    )
    assert not Invite.objects.exists()
