"""The partner's link in People survives the person being edited on its own page."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.together.tests.helpers import pair_up


def test_editing_the_partner_in_people_keeps_the_link(alice: Person, bob: Person) -> None:
    pair_up(alice, bob)
    row = PersonRow.objects.get(owner=bob.user)
    response = bob.client.post(
        f"/people/{row.id}/edit/",
        {"name": "Ally Brightwater", "relationship": "partner", "circle": "close"},
    )
    assert response.status_code == 302, response.content[:400]
    row.refresh_from_db()
    details = PersonDetails.from_json(bob.vault.open_json(PERSON_LABEL, row.id, bytes(row.content)))
    assert details.name == "Ally Brightwater"
    assert details.partner_user == alice.user.pk
