"""The pages that read derived values write nothing, even when a value is missing,
unreadable or old: they work it out from the rows and show the same page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.conftest import Person
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.scales.tests.helpers import take
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import DAMAGES

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _pages(owner: Person) -> list[str]:
    maya = people_services.person_create(
        user=owner.user, vault=owner.vault, details=PersonDetails(name="Maya Quillfeather")
    )
    people_services.closeness_rate(
        user=owner.user, vault=owner.vault, person_id=maya.id, value=6, rated_on=date(2026, 1, 1)
    )
    take(owner, "who5", [4, 4, 4, 4, 4], days_ago=1)
    return ["/people/", f"/people/{maya.id}/", "/scales/trends/"]


def _get_writing_nothing(owner: Person, url: str) -> bytes:
    with CaptureQueriesContext(connection) as queries:
        response = owner.client.get(url)
    assert response.status_code == 200, url
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]
    assert writes == [], url
    # The queries were seen at all (so an empty list above means something).
    assert any(q["sql"].lstrip().upper().startswith("SELECT") for q in queries.captured_queries)
    # The same page whatever the state of the values, but for the per-request tokens.
    return re.sub(rb'(csrfmiddlewaretoken" value|nonce)="[^"]*"', b"", response.content)


@pytest.mark.parametrize("how", ["missing", *DAMAGES[1:]])
def test_the_people_list_a_persons_page_and_trends_write_nothing(alice: Person, how: str) -> None:
    pages = _pages(alice)
    good = {url: _get_writing_nothing(alice, url) for url in pages}
    assert all(b"Maya Quillfeather" in good[url] for url in pages[:2])
    rows = DerivedValue.objects.filter(owner=alice.user)
    # The index, Maya's ratings and the scores; who opened up, the deck depths,
    # feared vs felt, what the Opening up list shows, what opening up did, the
    # insights' findings and the kinds of moments by day (whole-account kinds the
    # login's refresh stores even when empty).
    assert rows.count() == 10
    if how == "missing":
        rows.delete()
    elif how == "old version":
        rows.update(version=1)
    else:
        rows.update(content=b"tampered" if how == "tampered" else b"")
    before = list(DerivedValue.objects.order_by("id").values_list("version", "content"))
    for url in pages:
        assert _get_writing_nothing(alice, url) == good[url]
    assert list(DerivedValue.objects.order_by("id").values_list("version", "content")) == before
