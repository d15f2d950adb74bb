"""Trends: each scale as an SVG chart with the same numbers in a table."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.summary import SUMMARY
from nearer.scales.tests.helpers import take
from nearer.vault.models import DerivedValue


def test_it_draws_each_scale_and_tables_every_result(alice: Person) -> None:
    for weeks, answers in enumerate(([1, 1, 1, 1, 1], [3, 3, 3, 3, 3], [4, 4, 4, 4, 4])):
        take(alice, "who5", answers, days_ago=14 * (3 - weeks))
    take(alice, "ucla3", [2, 2, 2], days_ago=3)
    html = alice.client.get("/scales/trends/").content.decode()
    assert html.count('<svg class="chart"') == 2
    assert 'aria-labelledby="chart-who5-title chart-who5-desc"' in html
    assert "<td>20</td><td>first</td>" in html and "<td>80</td><td>+20 (meaningful)</td>" in html
    assert "No results yet" in html  # PSS-4 has none


def test_it_reads_with_few_queries(alice: Person) -> None:
    for days in range(30):
        take(alice, "ucla3", [1, 2, 3], days_ago=days * 30)
    with CaptureQueriesContext(connection) as queries:
        response = alice.client.get("/scales/trends/")
    assert response.status_code == 200
    assert response.content.count(b"<tr>") == 31  # the header row and every result
    assert len(queries) <= 8
    assert b"could not be opened" not in response.content


def test_it_leaves_out_results_that_would_not_open_when_the_summary_is_rebuilt(
    alice: Person,
) -> None:
    take(alice, "ucla3", [1, 2, 3], days_ago=30)
    broken = take(alice, "who5", [1, 1, 1, 1, 1])
    ScaleResult.objects.filter(id=broken.id).update(content=b"garbage")
    DerivedValue.objects.filter(owner=alice.user, kind=SUMMARY.name).delete()
    response = alice.client.get("/scales/trends/")
    assert response.status_code == 200
    assert b"1 result could not be opened and is left out" in response.content
    assert response.content.count(b'<svg class="chart"') == 1


def test_it_shows_only_ones_own(alice: Person, charlie: Person) -> None:
    take(alice, "who5", [5, 5, 5, 5, 5])
    html = charlie.client.get("/scales/trends/").content.decode()
    assert '<svg class="chart"' not in html


def test_a_range_narrows_every_chart_and_table_and_a_bad_one_shows_all(alice: Person) -> None:
    for days in (10, 60, 200, 500):
        take(alice, "ucla3", [1, 2, 3], days_ago=days)
    take(alice, "who5", [2, 2, 2, 2, 2], days_ago=300)
    three = alice.client.get("/scales/trends/?range=3m").content.decode()
    assert three.count("<tr>") == 3  # the header and the two results of the last 91 days
    assert '<span aria-current="true">3 months</span>' in three
    assert '<a href="/scales/trends/?range=1y">A year</a>' in three
    assert "No results in the span shown (3 months); 1 earlier result is under" in three
    year = alice.client.get("/scales/trends/?range=1y").content.decode()
    assert year.count("<tr>") == 6  # two headers, three UCLA results, one WHO-5
    for bad in ("", "5y", "<script>", "1y%00"):
        response = alice.client.get("/scales/trends/", {"range": bad})
        assert response.status_code == 200
        assert response.content.count(b"<tr>") == 7, bad
        assert b'<span aria-current="true">All</span>' in response.content


def test_many_results_get_a_rolling_mean_over_faint_points(alice: Person) -> None:
    for n in range(8):
        take(alice, "ucla3", [1 + n % 3, 2, 1], days_ago=30 * n)
    html = alice.client.get("/scales/trends/").content.decode()
    assert 'class="chart-line-raw"' in html and "Line: average of 3 results" in html
    few = alice.client.get("/scales/trends/?range=3m").content.decode()
    assert "chart-line-raw" not in few  # three points: too few to smooth
