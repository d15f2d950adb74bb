"""A person's edit page asks whether the person is the owner's once: their dates
trust the page's own scoped read of the person instead of asking again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db

PEOPLE_TABLE = connection.ops.quote_name(PersonRow._meta.db_table)


def _person_reads(sqls: list[str]) -> list[str]:
    """The queries that read the people table itself (FROM it, not a join to it)."""
    return [sql for sql in sqls if f"FROM {PEOPLE_TABLE}" in sql]


@pytest.mark.parametrize("with_dates", [False, True])
def test_the_edit_page_reads_the_persons_row_once(
    alice: Person, add_person: AddPerson, with_dates: bool
) -> None:
    # No dates is the case that asked again: an empty answer was checked for "not theirs".
    dates = [DateDraft("birthday", 3, 14, 1990)] if with_dates else []
    row = add_person(alice, dates=dates)
    url = reverse("people:edit", kwargs={"person_id": row.id})
    alice.client.get(url)  # the session and the derived values settle first
    with CaptureQueriesContext(connection) as queries:
        response = alice.client.get(url)
    assert response.status_code == 200
    reads = _person_reads([query["sql"] for query in queries.captured_queries])
    assert len(reads) == 1, reads
    assert "SELECT 1 FROM" not in reads[0]


def test_a_strangers_person_id_is_still_404_on_the_edit_page(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    url = reverse("people:edit", kwargs={"person_id": row.id})
    assert charlie.client.get(url).status_code == 404
    assert charlie.client.post(url, {"name": "Taken Over"}).status_code == 404
    assert alice.client.get(url).status_code == 200
