"""Who the partner is among the person's People.

Found by the partner's account id sealed in that person's details
(``PersonDetails.partner_user``, set by Together when pairing): nothing in the
clear says which of someone's people is their partner.
"""

from __future__ import annotations

from uuid import UUID

from nearer.accounts.models import User
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.models import Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


def partner_person_id(*, user: User, vault: Vault, partner_id: int) -> UUID | None:
    """Return the id of the person among ``user``'s People (not archived) who is
    linked to the account ``partner_id``, or None when there is none (they removed
    or archived them): then nothing goes into their own moments."""
    rows = Person.objects.filter(owner=user, archived_at__isnull=True).values_list("id", "content")
    for person_id, sealed in rows.iterator(chunk_size=200):
        try:
            details = PersonDetails.from_json(
                vault.open_json(PERSON_LABEL, person_id, bytes(sealed))
            )
        except SealError:
            continue
        if details.partner_user == partner_id:
            return UUID(str(person_id))
    return None
