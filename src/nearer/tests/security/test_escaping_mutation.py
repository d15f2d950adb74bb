"""The mutation test of escaping: removing any one escape makes a test fail.

``nearer.lib.html`` escapes every value through ``_escape``, looked up on each call.
Here it is replaced by a leaky one: a value holding the sweep's markup comes back
unescaped, tagged with the call site that asked (``<img data-site="file:line:col"
…``). The markup sweep (test_stored_markup_everywhere.py) then runs as it is, and
every call site whose tag reaches a page raw is one whose escape, removed alone,
makes the sweep fail (it refuses any raw ``<img``).

Then every call of ``html()``/``join()`` in src/nearer that passes a value not safe
as written (found by reading the source, see test_html_is_built_safely.py) must be
among those, or in ``OWN_WORDS`` with the reason its values are only our own words,
numbers or ids. A call site the sweep never reaches is a state the sweep is missing.

Running every mutation at once equals running them one at a time because a site
that is handed a value already tagged by another site escapes it as before: that
is what would happen to the other site's leak with this site's escape still in
place, so only leaks that would reach the page alone are counted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import nearer.lib.html as lib_html
from nearer.conftest import Person
from nearer.lib.html import Markup
from nearer.tests.security.test_html_is_built_safely import SRC, CallSite, value_call_sites
from nearer.tests.security.test_stored_markup_everywhere import (
    MARKUP,
    Shown,
    make_sweep_samples,
    sweep,
)

_LIB_FILE = Path(lib_html.__file__).resolve()
_TAGGED = re.compile(r'<img data-site="([^"]+)"', re.IGNORECASE)
# Any value with the opening of the markup, even cut short ("<img" as a search match).
_OPENING = re.compile(r"<img", re.IGNORECASE)
assert _OPENING.search(MARKUP), "the sweep's markup opens an <img tag"

# Call sites passing values that are only our own words, numbers or ids, by
# CallSite.key ("path::function::values as written"), each with the reason.
OWN_WORDS: dict[str, str] = {
    "pwa/context_processors.py::_head::url_for('pwa:manifest'), url_for('pwa:service_worker'), "
    "prefix, static(APPLE_TOUCH_ICON), BACKGROUND_LIGHT, BACKGROUND_DARK": (
        "our URLs, the static icon's name and our palette's colours"
    ),
    "today/context_processors.py::_icon::sprite, name": "our sprite's URL and our icon names",
    "today/context_processors.py::_nav::words": "our words for each section",
    "today/context_processors.py::_nav::words, short": "our words for each section",
    "today/context_processors.py::_nav::url_for(name)": "our URL of each section",
    "today/context_processors.py::_subnav::url_for(name), words": (
        "our URL and our words for each page of a grouped section"
    ),
    "today/context_processors.py::_subnav::_SECTION_WORDS[section]": "our section's name",
    "rituals/history_rows.py::history_items::day.label, day.question.text": (
        "the day in words and the day's question from our own set"
    ),
    "checkins/rows.py::_grid::GRID_LEGEND, GRID_HELP, cells": (
        "the grid's legend and help are ours; cells is Django's own rendering of the grid widget"
    ),
    "checkins/rows.py::_grid::error": "our error message (it never repeats the value sent)",
    "checkins/rows.py::step_one_words::quadrant.code, quadrant.name": (
        "a quadrant's code and name from our list"
    ),
    "checkins/rows.py::step_one_words::emotion.key, emotion.label": "our own emotion words",
    "checkins/rows.py::_mark::code": "a quadrant's code from our list",
    "checkins/rows.py::quadrant_key::q.name, q.hint": "the quadrants' names and hints are ours",
    "checkins/rows.py::_calendar_cell::str(day.day)": "a day number",
    "checkins/rows.py::_calendar_cell::str(count - MARKS_PER_DAY)": "a count",
    (
        "checkins/rows.py::_calendar_cell::day_url(day), str(day.day), str(count), ', "
        "'.join((_said(c) for c in checkins))"
    ): ("our URL, numbers, and emotion and quadrant names picked from our lists"),
    "checkins/rows.py::_line::day_url(day), day.isoformat(), long_day(day), str(day.year)": (
        "our URL and a date"
    ),
    "checkins/rows.py::_line::UNREADABLE": "our sentence",
    "checkins/rows.py::_line::checkin.emotion.label, checkin.quadrant.name": (
        "the emotion is picked from our list of words, the quadrant follows from numbers"
    ),
    "checkins/rows.py::_line::time": "a time of day we formatted",
    "checkins/rows.py::day_sections::f'day-{day.isoformat()}', day_url(day), long_day(day)": (
        "an id, our URL and a date"
    ),
    "journal/rows.py::day_sections::day_anchor(day), long_day(day)": "an id and a date",
    "journal/rows.py::_calendar_cell::cell.anchor, day, str(cell.count)": (
        "an id, a day number and a count"
    ),
    "journal/rows.py::_calendar_cell::day": "a day number",
    (
        "lib/charts.py::line_chart::str(LEFT), f'{high:.1f}', str(plot_w), f'{low - high:.1f}'"
    ): "coordinates",
    "lib/charts.py::_legend::f'{x:.1f}', str(text_y - 9)": "coordinates",
    "lib/charts.py::_legend::f'{x:.1f}', f'{x + 13:.1f}', str(text_y - 4), str(text_y - 4)": (
        "coordinates"
    ),
    "lib/charts.py::_legend::f'{x + LEGEND_SWATCH:.1f}', str(text_y), words": (
        "coordinates, and band labels and line names every caller takes from our own words"
    ),
    "lib/charts.py::means_chart::x, str(TOP), str(HEIGHT - BOTTOM), str(HEIGHT - 8), label": (
        "an x tick: coordinates and a number on the measure's scale"
    ),
    "lib/charts.py::means_chart::f'{low:.1f}', f'{y - 8:.1f}', f'{max(high - low, 1.0):.1f}'": (
        "coordinates of the interval's band"
    ),
    (
        "lib/charts.py::means_chart::str(LEFT), f'{y - 14:.1f}', label, f'{x_of(mean):.1f}', "
        "f'{y:.1f}'"
    ): "coordinates and a row's label, our words at every call (Insights: With, Without)",
    "lib/charts.py::means_chart::str(LEFT), str(WIDTH - RIGHT), base, base": "coordinates",
    "lib/charts.py::range_links::option.label": "our words for each range",
    "lib/charts.py::range_links::url, option.key, anchor, option.label": (
        "the page's own address (reversed), our range key, an id and our words"
    ),
    "lib/charts.py::range_links::label": "the navigation's name: our words at every call",
    "lib/charts.py::paired_bar_chart::css, str(x), str(x + LEGEND_SWATCH), words": (
        "a class of ours, coordinates and the legend's words every caller writes"
    ),
    "lib/charts.py::paired_bar_chart::str(label_w), f'{y + bar_h + 4:.1f}', label": (
        "coordinates and row labels (the kinds of closeness: our list)"
    ),
    (
        "lib/charts.py::paired_bar_chart::css, str(bars_left), f'{bar_y:.1f}', f'{width:.1f}', "
        "str(bar_h)"
    ): "a class of ours and coordinates",
    (
        "lib/charts.py::paired_bar_chart::f'{bars_left + width + 4:.1f}', "
        "f'{bar_y + bar_h - 1:.1f}', '–' if share is None else f'{round(100 * share)}%'"
    ): "coordinates and a percent",
    "insights/pixels_html.py::<module>::LEVEL_CLASSES[level], SHAPES[level]": (
        "a level's class and shape from our lists"
    ),
    "insights/pixels_html.py::pixels_grid::MONTH_ABBREVIATIONS[number], str(start)": (
        "a month's name and a weekday number"
    ),
    "insights/pixels_html.py::pixels_table_rows::_value(day)": "a mean we formatted",
    "insights/pixels_html.py::pixels_grid::cells": "the six kinds of pixel, made by html() once",
    "insights/pixels_html.py::pixels_table_rows::_MONTH_NAMES[number]": "a month's name",
    (
        "insights/pixels_html.py::pixels_legend::LEVEL_CLASSES[level], SHAPES[level], "
        "LEVEL_WORDS[level], f'{level:+d}'.replace('-', '−') if level else '0', '1 day' if "
        "counts.get(level, 0) == 1 else f'{counts.get(level, 0)} days'"
    ): "a level's class, shape and words from our lists, its number and a count of days",
    "people/detail.py::bottom_html::chosen.label.lower(), page": (
        "our words for the range and the person's page address (reversed, with their id)"
    ),
    (
        "lib/charts.py::_y_grid::str(LEFT), str(WIDTH - RIGHT), y, str(LEFT - 6), "
        "f'{y_of(value) + 4:.1f}', label"
    ): ("coordinates and the y ticks' numbers"),
    "lib/charts.py::_y_grid::str(LEFT), str(WIDTH - RIGHT), base, base": "coordinates",
    "lib/charts.py::line_chart::f'{x_of(day):.1f}', label_y, label": (
        "coordinates and the x ticks' month names and years"
    ),
    "lib/charts.py::line_chart::path": "coordinates",
    "lib/charts.py::line_chart::parts": "the chart's parts, each built by html() above",
    "lib/charts.py::change_chart::parts": "the chart's parts, each built by html() above",
    "lib/charts.py::line_chart::x, y": "coordinates",
    (
        "opening/summary_rows.py::felt_rows::f'{point.day.day} "
        "{MONTH_ABBREVIATIONS[point.day.month - 1]} {point.day.year}', str(point.before), "
        "str(point.after), point.change_words"
    ): "a date, two numbers and our words for the change",
    "opening/summary_rows.py::count_cells::*map(str, counts)": "counts",
    "opening/summary_rows.py::period_rows::period.label, *map(str, period.counts)": (
        "a year or quarter we wrote and its counts"
    ),
    "opening/summary_rows.py::period_rows::*map(str, totals)": "counts",
    "lib/charts.py::change_chart::f'{x:.1f}', str(HEIGHT - 8), label": (
        "coordinates and the x ticks' month names and years"
    ),
    "lib/charts.py::change_chart::''.join(changes), ''.join(befores), ''.join(afters)": (
        "path data: coordinates"
    ),
    (
        "lib/charts.py::stacked_bar_chart::str(LEFT), str(WIDTH - RIGHT), f'{y:.1f}', "
        "str(LEFT - 6), f'{y + 4:.1f}', str(value)"
    ): "coordinates and counts",
    "lib/charts.py::stacked_bar_chart::name, ''.join(piece)": (
        "a series name from our list and path data: coordinates"
    ),
    "lib/charts.py::stacked_bar_chart::f'{x + bar_w / 2:.1f}', str(HEIGHT - 8), label": (
        "coordinates and the bars' labels, years and quarters"
    ),
    "moments/rows.py::_details::str(content.minutes)": "a number of minutes",
    "moments/rows.py::_details::str(content.closeness), content.closeness_label.lower()": (
        "a number and its words from our list"
    ),
    "moments/rows.py::_details::content.opened_up_said": "words from our list",
    "moments/rows.py::_details::label": "kinds of closeness: words from our list",
    "moments/rows.py::moment_rows::day.isoformat(), short_date(day)": "a date",
    "moments/rows.py::moment_rows::content.time": "a time of day from a time field",
    "moments/rows.py::moment_rows::content.how_label": "words from our list",
    "moments/rows.py::moment_rows::long_date(day)": "a date",
    "moments/rows.py::moment_rows::edit(moment.id)": "our URL with an id",
    "moments/rows.py::moment_rows::delete(moment.id)": "our URL with an id",
    "moments/rows.py::drift_sections::status, words": (
        "a status and its words from our list (the marks made once per list)"
    ),
    "moments/rows.py::drift_sections::str(day.day), MONTH_ABBREVIATIONS[day.month - 1]": "a date",
    "moments/rows.py::drift_sections::group.circle, group.label, str(len(rows))": (
        "a circle's key and name from our list, a count"
    ),
    "moments/rows.py::moments_nav::url_for('moments:new')": "our URL",
    "moments/rows.py::moments_nav::url_for(name), words": "our URLs and words",
    "people/closeness.py::ios_svg::f'{me:g}', str(RADIUS), f'{them:g}', str(RADIUS)": "coordinates",
    "people/detail.py::<module>::closeness_words(value)": "the closeness scale's words",
    "people/detail.py::bottom_html::urls['date_new']": "our URL with an id",
    "people/detail.py::bottom_html::_WORDS[history[-1][1]]": "the closeness scale's words",
    "people/detail.py::bottom_html::urls['closeness']": "our URL with an id",
    (
        "people/detail.py::rating_rows::day.isoformat(), str(day.day), "
        "MONTH_ABBREVIATIONS[day.month - 1], str(day.year), _WORDS[value]"
    ): ("a date and the closeness scale's words"),
    "opening/rows.py::share_rows::url(view.id)": "our URL with the share's id",
    "people/import_rows.py::problem_rows::where, problem.reason, tail": (
        "a card's number and our sentences saying what was wrong (the name is escaped at its own "
        "call)"
    ),
    "scales/rows.py::table_rows::url(point.id), long_date(point.taken_on), str(shown), moved": (
        "our URL with an id, a date, a score and its change"
    ),
    "today/context_processors.py::_head::static('nearer/' + name)": "our static files' URLs",
    "today/context_processors.py::_head::static('nearer/icon.svg')": "our static file's URL",
}


def _site_of(frame: FrameType | None) -> str:
    """Return "path:end line:end column" of the html()/join() call that is escaping.

    The frames of lib/html.py itself (html, join, their comprehensions) are passed
    over; the first frame outside it is executing the call, and Python records for
    that instruction where the call's source ends, which names it uniquely.
    """
    while frame is not None and Path(frame.f_code.co_filename).resolve() == _LIB_FILE:
        frame = frame.f_back
    assert frame is not None, "html()/join() called from nowhere"
    path = Path(frame.f_code.co_filename).resolve()
    where = path.relative_to(SRC).as_posix() if path.is_relative_to(SRC) else str(path)
    positions = list(frame.f_code.co_positions())[frame.f_lasti // 2]
    return f"{where}:{positions[1]}:{positions[3]}"


def _leaky(original: Any) -> Any:
    def escape(value: Any) -> Markup:
        if not hasattr(value, "__html__"):
            text = str(value)
            # A value already tagged leaked from another site: this site's escape
            # would have caught it, so it still escapes (see the module's docstring).
            if _OPENING.search(text) and "data-site=" not in text:
                site = _site_of(sys._getframe(1))
                return Markup(  # the mutation: handed back as markup, unescaped
                    _OPENING.sub(f'<img data-site="{site}"', text, count=1)
                )
        result: Markup = original(value)
        return result

    return escape


def leaked_sites(pages: list[Shown]) -> dict[str, list[str]]:
    """Return each tagged call site found raw in ``pages``, with the pages showing it."""
    found: dict[str, list[str]] = {}
    for page in pages:
        for site in sorted(set(_TAGGED.findall(page.html))):
            found.setdefault(site, []).append(page.key)
    return found


def _where(site: CallSite) -> str:
    return f"{site.path}:{site.end[0]}:{site.end[1]}"


def _describe(site: CallSite) -> str:
    return f"{site.label} in {site.function}(): {site.source}"


def test_the_leaky_escape_tags_the_call_site_it_was_called_from() -> None:
    # The tag must name this very call, or no site in the tree could ever match.
    leaky = _leaky(lib_html._escape)
    original, lib_html._escape = lib_html._escape, leaky
    try:
        made, line = str(lib_html.html("<p>{}</p>", MARKUP)), sys._getframe().f_lineno
        plain = str(lib_html.html("<p>{}</p>", "<b>"))
        again = str(lib_html.join([made.replace("<p>", "").replace("</p>", "")]))
    finally:
        lib_html._escape = original
    end = Path(__file__).resolve().relative_to(SRC).as_posix()
    assert made.startswith(f'<p><img data-site="{end}:{line}:') and "onerror" in made
    assert plain == "<p>&lt;b&gt;</p>"
    # Handed a value another site tagged, a site escapes it: no second raw tag.
    assert "&lt;img data-site=" in again and "<img" not in again


def test_removing_any_one_escape_makes_the_markup_sweep_fail(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = make_sweep_samples(alice)
    monkeypatch.setattr(lib_html, "_escape", _leaky(lib_html._escape))
    leaked = leaked_sites(sweep(alice, samples))
    monkeypatch.undo()

    sites = value_call_sites()
    known = {_where(site) for site in sites}
    # A leak from a call the source reading did not list: the reading missed a way
    # of calling html()/join(), so its list below would be short.
    assert not sorted(set(leaked) - known), "calls the source reading missed"

    unreached = [
        _describe(site)
        for site in sites
        if _where(site) not in leaked and site.key not in OWN_WORDS
    ]
    assert not unreached, (
        "call sites whose escape no test needs (add the state to the sweep, or to "
        "OWN_WORDS with why its values are ours):\n" + "\n".join(unreached)
    )
    # The allow-list stays true: every entry is a call that exists, and none shows
    # a person's words (if it leaked, its values are not only ours).
    by_key: dict[str, list[CallSite]] = {}
    for site in sites:
        by_key.setdefault(site.key, []).append(site)
    assert not sorted(set(OWN_WORDS) - set(by_key)), "OWN_WORDS names calls that are gone"
    showing = sorted(
        site.label for key in OWN_WORDS for site in by_key[key] if _where(site) in leaked
    )
    assert not showing, f"OWN_WORDS entries that show a person's words: {showing}"
