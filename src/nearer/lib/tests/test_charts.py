from __future__ import annotations

import re
from datetime import date, timedelta

from nearer.lib.charts import Band, _x_ticks, line_chart
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
