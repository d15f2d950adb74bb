"""Year in pixels: a shape and colour per day, the same as a table, other years linked."""

from __future__ import annotations

from datetime import date

from django.test import Client

from nearer.conftest import Person
from nearer.insights.tests.balance_helpers import add_checkin


def test_a_year_shows_shapes_a_legend_and_the_table(alice: Person) -> None:
    add_checkin(alice, on=date(2025, 1, 6), pleasantness=2)
    add_checkin(alice, on=date(2025, 1, 6), pleasantness=1, hour=20)
    add_checkin(alice, on=date(2025, 3, 2), pleasantness=-2)
    html = alice.client.get("/insights/year/2025/").content.decode()
    assert "<h1>2025 in pixels</h1>" in html
    assert "2 days with a check-in in 2025." in html
    # 6 January 2025 was a Monday: January starts in the grid's first column.
    assert '<ol class="pixel-days pixel-start-3">' in html
    assert (
        '<li class="pixel pixel-vp">▲</li>' in html and '<li class="pixel pixel-vu">▼</li>' in html
    )
    assert "Very pleasant (+2): 1 day" in html and "Very unpleasant (−2): 1 day" in html
    january = html.split('<th scope="row">January</th>')[1].split("</tr>")[0]
    assert january.count("<td>") == 31 and "<td>+1.5</td>" in january
    february = html.split('<th scope="row">February</th>')[1].split("</tr>")[0]
    assert february.count('<td class="pixel-no-day">') == 3


def test_other_years_are_linked_and_an_empty_year_says_so_calmly(alice: Person) -> None:
    for year in (2021, 2023, 2025):
        add_checkin(alice, on=date(year, 6, 1), pleasantness=0)
    html = alice.client.get("/insights/year/2023/").content.decode()
    assert 'href="/insights/year/2021/" rel="prev">Earlier: 2021' in html
    assert 'href="/insights/year/2025/" rel="next">Later: 2025' in html
    empty = alice.client.get("/insights/year/2022/").content.decode()
    assert "No check-ins in 2022. The links above lead to the nearest years" in empty
    assert 'href="/insights/year/2021/" rel="prev"' in empty
    assert 'href="/insights/year/2023/" rel="next"' in empty
    assert 'class="pixels"' not in empty and "Check in now" not in empty
    last = alice.client.get("/insights/year/2025/").content.decode()
    assert 'rel="prev">Earlier: 2023' in last and 'rel="next"' not in last


def test_a_new_account_is_invited_to_check_in(alice: Person) -> None:
    html = alice.client.get("/insights/year/").content.decode()
    assert "When you check in, each day gets its colour and shape here." in html


def test_years_outside_the_calendar_are_not_found(alice: Person) -> None:
    for bad in ("0", "10000", "99999999999999999999", "-1", "2025x"):
        assert alice.client.get(f"/insights/year/{bad}/").status_code == 404, bad
    assert alice.client.get("/insights/year/9999/").status_code == 200
    assert alice.client.get("/insights/year/1/").status_code == 200


def test_it_shows_only_ones_own(alice: Person, charlie: Person) -> None:
    add_checkin(alice, on=date(2025, 1, 6), pleasantness=2)
    html = charlie.client.get("/insights/year/2025/").content.decode()
    assert "pixel-vp" not in html.split("</ul>", 2)[-1] and "No check-ins in 2025" in html


def test_it_asks_for_a_login(db: None) -> None:
    assert Client().get("/insights/year/").status_code == 302
