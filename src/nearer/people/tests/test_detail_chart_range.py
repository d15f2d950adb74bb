"""A person's closeness chart: a range to choose (plain links), a rolling mean when there are
enough ratings, the table following the chosen span."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import Person as PersonRow
from nearer.people.tests.conftest import AddPerson


def _rate(owner: Person, row: PersonRow, days_ago: int, value: int) -> None:
    services.closeness_rate(
        user=owner.user,
        vault=owner.vault,
        person_id=row.id,
        value=value,
        rated_on=timezone.localdate() - timedelta(days=days_ago),
    )


def test_the_range_narrows_the_chart_and_the_table(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    for days_ago, value in ((5, 6), (50, 5), (200, 4), (700, 2)):
        _rate(alice, row, days_ago, value)
    url = f"/people/{row.id}/"
    three = alice.client.get(url, {"range": "3m"}).content.decode()
    table = three.split('<table class="chart-table">')[1].split("</table>")[0]
    assert table.count("<tr>") == 3  # the header and two ratings
    assert f'<a href="{url}?range=1y#closeness">A year</a>' in three
    assert '<span aria-current="true">3 months</span>' in three
    every = alice.client.get(url, {"range": "<nope>"}).content.decode()
    table = every.split('<table class="chart-table">')[1].split("</table>")[0]
    assert table.count("<tr>") == 5
    assert '<span aria-current="true">All</span>' in every


def test_a_span_without_ratings_says_where_they_are(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    _rate(alice, row, 400, 3)
    html = alice.client.get(f"/people/{row.id}/?range=3m").content.decode()
    assert "No ratings in the span shown (3 months)" in html
    assert "Latest: 3 of 7" in html
    assert 'id="closeness-chart-title"' not in html


def test_enough_ratings_get_a_bold_mean_over_faint_points(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    for n in range(6):
        _rate(alice, row, 10 * n, 1 + n)
    html = alice.client.get(f"/people/{row.id}/").content.decode()
    assert 'class="chart-line-raw"' in html and "Line: average of 3 ratings" in html
