from __future__ import annotations

import re
from datetime import date, timedelta

from nearer.lib.charts import (
    DEFAULT_RANGE,
    RANGE_BY_KEY,
    Band,
    _x_ticks,
    chart_range,
    in_range,
    line_chart,
    range_links,
    rolling_mean,
)
from nearer.lib.html import Markup


def _chart(points: list[tuple[date, float]], **extra: object) -> str:
    return str(
        line_chart(
            points=points,
            y_min=1,
            y_max=7,
            title="Closeness with <Maya>",
            desc="From 1 to 7 & back",
            chart_id="closeness",
            y_ticks=[(1, "1"), (7, "7")],
            **extra,  # type: ignore[arg-type]
        )
    )


def test_it_draws_nothing_without_points() -> None:
    assert _chart([]) == ""


def test_it_names_itself_for_screen_readers_and_escapes_text() -> None:
    svg = _chart([(date(2026, 1, 1), 3), (date(2026, 3, 1), 5)])
    assert 'role="img"' in svg
    assert 'aria-labelledby="closeness-title closeness-desc"' in svg
    assert '<title id="closeness-title">Closeness with &lt;Maya&gt;</title>' in svg
    assert "1 to 7 &amp; back" in svg
    assert "<Maya>" not in svg


def test_it_draws_a_dot_per_point_and_one_line() -> None:
    points = [(date(2026, 1, 1) + timedelta(days=30 * i), float(i % 7 + 1)) for i in range(6)]
    svg = _chart(points)
    assert svg.count("<circle") == 6
    assert svg.count("<polyline") == 1


def test_it_puts_higher_values_higher_and_keeps_them_inside() -> None:
    svg = _chart([(date(2026, 1, 1), 1), (date(2026, 2, 1), 7), (date(2026, 3, 1), 99)])
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert ys[1] < ys[0]
    assert ys[2] == ys[1], "a value above the range is drawn at its top"


def test_it_draws_a_single_point_without_a_line() -> None:
    svg = _chart([(date(2026, 1, 1), 4)])
    assert svg.count("<circle") == 1
    assert "<polyline" not in svg


def test_it_shades_bands_with_their_names() -> None:
    svg = _chart([(date(2026, 1, 1), 4)], bands=[Band(6, 9, "often read as lonely")])
    assert 'class="chart-band"' in svg
    assert "often read as lonely" in svg


def test_it_leaves_out_dots_when_there_are_too_many() -> None:
    points = [(date(2016, 1, 1) + timedelta(days=14 * i), 50.0) for i in range(260)]
    svg = _chart(points)
    assert "<circle" not in svg
    assert "<polyline" in svg


def test_it_labels_years_on_long_spans_and_months_on_short_ones() -> None:
    years = [label for _, label in _x_ticks(date(2016, 3, 1), date(2026, 3, 1))]
    assert years and all(label.isdigit() for label in years)
    assert len(years) <= 10
    months = _x_ticks(date(2026, 1, 15), date(2026, 6, 20))
    assert [label for _, label in months] == ["Feb 2026", "Mar", "Apr", "May", "Jun"]
    assert all(date(2026, 1, 15) <= day <= date(2026, 6, 20) for day, _ in months)
    long = _x_ticks(date(2024, 11, 15), date(2026, 10, 20))
    assert len(long) <= 7
    assert [label for _, label in long] == ["Dec 2024", "Apr 2025", "Aug", "Dec", "Apr 2026", "Aug"]
    assert _x_ticks(date(2026, 5, 2), date(2026, 5, 20)) == [(date(2026, 5, 2), "2 May")]


def test_it_is_markup_with_every_text_escaped_its_id_and_labels_too() -> None:
    svg = line_chart(
        points=[(date(2026, 1, 1), 3.0), (date(2026, 2, 1), 5.0)],
        y_min=1,
        y_max=7,
        title="t",
        desc="d",
        chart_id='c"x',
        y_ticks=[(4, "<four>")],
        bands=[Band(6, 7, "Sam & Alex's")],
    )
    assert isinstance(svg, Markup)
    assert 'aria-labelledby="c&#34;x-title c&#34;x-desc"' in svg
    assert 'text-anchor="end">&lt;four&gt;</text>' in svg
    assert ">Sam &amp; Alex&#39;s</text>" in svg
    assert svg.endswith("</svg>")


def test_a_rolling_mean_averages_each_value_with_those_before_it() -> None:
    assert rolling_mean([2, 4, 6, 8], 3) == [2, 3, 4, 6]
    assert rolling_mean([5, 1], 4) == [5, 3]
    assert rolling_mean([1, 2, 3], 1) == [1, 2, 3]
    assert rolling_mean([], 3) == []


def test_the_range_is_read_from_the_query_and_a_bad_one_is_the_default() -> None:
    assert chart_range("3m").days == 91
    assert chart_range("1y").key == "1y"
    assert chart_range("all").days is None
    for bad in ("", "3M", "10y", None, ["3m"], "3m\x00"):
        assert chart_range(bad) is DEFAULT_RANGE
    assert chart_range("nope", default=RANGE_BY_KEY["1y"]).key == "1y"


def test_a_range_keeps_the_days_counting_today() -> None:
    today = date(2026, 6, 30)
    days = [today - timedelta(days=n) for n in (400, 365, 364, 91, 90, 0)]
    kept = in_range(days, RANGE_BY_KEY["3m"], today=today, day_of=lambda d: d)
    assert kept == [today - timedelta(days=90), today]
    kept = in_range(days, RANGE_BY_KEY["1y"], today=today, day_of=lambda d: d)
    assert kept == days[2:]
    assert in_range(days, RANGE_BY_KEY["all"], today=today, day_of=lambda d: d) == days


def test_range_links_are_plain_links_with_the_chosen_one_marked() -> None:
    nav = str(
        range_links(
            chosen=RANGE_BY_KEY["1y"], url="/p/<x>/", label="Span of the chart", fragment="c"
        )
    )
    assert 'aria-label="Span of the chart"' in nav
    assert '<a href="/p/&lt;x&gt;/?range=3m#c">3 months</a>' in nav
    assert '<span aria-current="true">A year</span>' in nav
    assert '<a href="/p/&lt;x&gt;/?range=all#c">All</a>' in nav


def test_a_mean_is_drawn_bold_over_the_faint_points() -> None:
    points = [(date(2026, 1, 1) + timedelta(days=i), float(v)) for i, v in enumerate((1, 7, 1, 7))]
    svg = _chart(points, mean_window=2)
    raw, mean = re.findall(r'<polyline class="([\w-]+)" points="([^"]+)"', svg)
    assert raw[0] == "chart-line-raw" and mean[0] == "chart-line"
    ys = [float(pair.split(",")[1]) for pair in mean[1].split()]
    # Means 1, 4, 4, 4: the last three at the middle of the range, the first at its floor.
    assert ys[1] == ys[2] == ys[3] and ys[0] > ys[1]
    assert svg.count('class="chart-dot-raw"') == 4
    assert "Line: average of the last 2" in svg and "Faint: each one" in svg
    assert "average of each 2 in a row" in svg


def test_without_a_window_the_chart_is_drawn_as_before() -> None:
    svg = _chart([(date(2026, 1, 1), 3), (date(2026, 3, 1), 5)])
    assert "chart-line-raw" not in svg and "chart-legend-label" not in svg
