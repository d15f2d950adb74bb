"""A person's page and their edit page ask whether the person is the owner's once: the
dates (and, on the page, the moments) trust the page's own scoped read instead of asking
again."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.selectors import person_dates
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db

PEOPLE_TABLE = connection.ops.quote_name(PersonRow._meta.db_table)


def _person_reads(sqls: list[str]) -> list[str]:
    """The queries that read the people table itself (FROM it, not a join to it)."""
    return [sql for sql in sqls if f"FROM {PEOPLE_TABLE}" in sql]


@pytest.mark.parametrize("page", ["people:person", "people:edit"])
@pytest.mark.parametrize("with_dates", [False, True])
def test_the_page_reads_the_persons_row_once(
    alice: Person, add_person: AddPerson, page: str, with_dates: bool
) -> None:
    # No dates is the case that asked again: an empty answer was taken for "not theirs?".
    dates = [DateDraft("birthday", 3, 14, 1990)] if with_dates else []
    row = add_person(alice, dates=dates)
    url = reverse(page, kwargs={"person_id": row.id})
    alice.client.get(url)  # the session and the derived values settle first
    with CaptureQueriesContext(connection) as queries:
        response = alice.client.get(url)
    assert response.status_code == 200
    reads = _person_reads([query["sql"] for query in queries.captured_queries])
    assert len(reads) == 1, reads
    assert "SELECT 1 FROM" not in reads[0]


def test_a_strangers_person_id_is_still_404(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    url = reverse("people:person", kwargs={"person_id": row.id})
    assert charlie.client.get(url).status_code == 404
    assert alice.client.get(url).status_code == 200


def test_a_strangers_person_id_is_still_404_on_the_edit_page(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    url = reverse("people:edit", kwargs={"person_id": row.id})
    assert charlie.client.get(url).status_code == 404
    assert charlie.client.post(url, {"name": "Taken Over"}).status_code == 404
    assert alice.client.get(url).status_code == 200


def test_person_dates_trusting_the_caller_costs_one_query(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    with CaptureQueriesContext(connection) as queries:
        assert (
            person_dates(
                user=alice.user,
                vault=alice.vault,
                person_id=row.id,
                today=date(2026, 1, 1),
                known_theirs=True,
            )
            == []
        )
    assert len(queries.captured_queries) == 1
