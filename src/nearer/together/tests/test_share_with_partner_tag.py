"""``{% share_with_partner %}`` on an item's page: the partner's name, read in few queries."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.conftest import Person
from nearer.together.tests.helpers import ACCEPTER_NAME, pair_up


def _entry(person: Person) -> str:
    response = person.client.post(
        "/journal/new/", {"entry_date": "2026-11-20", "title": "Marram", "body": "Dunlin"}
    )
    assert response.status_code == 302, response.content[:300]
    return str(response["Location"].rstrip("/").rsplit("/", 1)[1])


def test_an_entry_page_reads_the_members_once_and_names_the_partner(
    alice: Person, bob: Person
) -> None:
    # It asked whether there was a pair, then read both members, their keys row and
    # the partner's name again: four queries before the shared copies.
    pair_up(bob, alice)
    entry_id = _entry(alice)
    with CaptureQueriesContext(connection) as captured:
        page = alice.client.get(f"/journal/{entry_id}/").content.decode()
    assert f"Share with {ACCEPTER_NAME}" not in page  # alice sees bob's name, not her own
    assert "Share with Inviter Quillfeather" in page
    members = [q["sql"] for q in captured.captured_queries if '"together_member"' in q["sql"]]
    assert len(members) == 1, members
    # The members with the own keys row joined in, then whether this entry is shared.
    together = [q["sql"] for q in captured.captured_queries if '"together_' in q["sql"]]
    assert len(together) == 2, together


def test_someone_in_no_pair_gets_no_form_after_one_query(alice: Person) -> None:
    entry_id = _entry(alice)
    with CaptureQueriesContext(connection) as captured:
        page = alice.client.get(f"/journal/{entry_id}/").content.decode()
    assert "Share with" not in page
    together = [q["sql"] for q in captured.captured_queries if '"together_' in q["sql"]]
    assert len(together) == 1, together
