"""The balance and care page: shares in words, a chart and a table; kind words about people."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import Person
from nearer.insights.tests.balance_helpers import add_moment, add_person, days_ago

URL = "/insights/balance/"


def test_a_new_account_is_told_what_will_appear(alice: Person) -> None:
    html = alice.client.get(URL).content.decode()
    assert "No moments with a kind of closeness yet" in html
    assert '<svg class="chart"' not in html
    assert "Nobody in your inner or close circles is far past their rhythm" in html


def test_it_compares_the_kinds_in_words_a_chart_and_a_table(alice: Person) -> None:
    ana = add_person(alice, name="Ana Moreno")
    add_moment(alice, [ana], on=days_ago(2), kinds=["emotional", "physical"])
    add_moment(alice, [ana], on=days_ago(200), kinds=["physical"])
    html = alice.client.get(URL).content.decode()
    assert "Emotional closeness was more of the mix lately: 50%" in html
    assert 'aria-labelledby="balance-chart-title balance-chart-desc"' in html
    assert "<td>0 (0%)</td><td>1 (50%)</td>" in html  # emotional: before, recent
    assert "<td>1 (100%)</td><td>1 (50%)</td>" in html  # physical


def test_it_names_who_might_like_a_thought_with_a_link_and_escaped(alice: Person) -> None:
    sam = add_person(alice, name="Sam <b>Quintero</b>", circle="inner", rhythm_days=7)
    add_moment(alice, [sam], on=days_ago(20))
    html = alice.client.get(URL).content.decode()
    assert f'<a href="/people/{sam.id}/">Sam &lt;b&gt;Quintero&lt;/b&gt;</a>' in html
    assert "20 days since your last moment together." in html
    assert "<b>Quintero" not in html
    for blame in ("neglect", "failed", "should have"):
        assert blame not in html.lower()


def test_it_shows_only_ones_own(alice: Person, charlie: Person) -> None:
    sam = add_person(alice, name="Sam Quintero", circle="inner", rhythm_days=7)
    add_moment(alice, [sam], on=days_ago(20), kinds=["spiritual"])
    html = charlie.client.get(URL).content.decode()
    assert "Sam Quintero" not in html and '<svg class="chart"' not in html


def test_it_asks_for_a_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_answers_only_reads(alice: Person) -> None:
    assert alice.client.post(URL).status_code == 405
