"""A person's page: its links, and the long parts below the moments built in Python.

The header (``people/_person_header.html``) and the moments part
(``moments/_person_moments.html``) are templates. The important dates, the
closeness chart and the table of every rating are built here through
``nearer.lib.html`` (every value escaped): a rating table grows with the years,
and through the template engine each row cost more than the rest of the page.
The links are worked out once per process (``nearer.lib.urls``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from nearer.lib.charts import DEFAULT_RANGE, ChartRange, in_range, line_chart, range_links
from nearer.lib.dates import DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES, long_date
from nearer.lib.html import Markup, html, join
from nearer.lib.urls import UrlPattern, url_for
from nearer.people.content import CLOSENESS_MAX
from nearer.people.days import CLOSENESS_WORDS, closeness_words
from nearer.people.selectors import DateView, PersonView

# Offer the closeness picture again when the latest rating is older than this.
OFFER_AFTER = timedelta(days=30)

# The table's second column for each value, escaped once.
_WORDS = {value: html("{}", closeness_words(value)) for value in CLOSENESS_WORDS}
# How many ratings in a row the closeness chart's bold line averages.
MEAN_WINDOW = 3
_OF_PERSON = ("edit", "archive", "restore", "delete", "closeness", "date_new")


def person_urls(person_id: uuid.UUID) -> dict[str, str]:
    """Return the links of a person's page by name (edit, archive, …, date_new), and
    the lists it leads back to (people, archived)."""
    urls = {name: UrlPattern(f"people:{name}", "person_id")(person_id) for name in _OF_PERSON}
    urls["people"] = url_for("people:index")
    urls["archived"] = url_for("people:archived")
    return urls


def _date_row(d: DateView) -> Markup:
    on = d.next_on
    years = ""
    if d.years:
        if d.kind == "birthday":
            years = f" · turns {d.years}"
        else:
            years = f" · {d.years} year{'' if d.years == 1 else 's'}"
    if d.days_away == 0:
        when = "today"
    elif d.days_away == 1:
        when = "tomorrow"
    else:
        when = f"in {d.days_away} days"
    return html(
        '<li class="date-row"><span><strong>{}</strong> · <time datetime="{}">{} {} {}</time>'
        '{}</span> <span class="muted">{}</span></li>',
        d.title,
        on.isoformat(),
        DAY_NAMES[on.weekday()],
        str(on.day),
        MONTH_NAMES[on.month - 1],
        years,
        when,
    )


def offers_rating(person: PersonView, history: Sequence[tuple[date, int]], today: date) -> bool:
    """Whether to ask how close they feel: never rated, or not for a while (not archived)."""
    return not person.archived and (not history or today - history[-1][0] > OFFER_AFTER)


def bottom_html(
    *,
    person: PersonView,
    dates: Sequence[DateView],
    history: Sequence[tuple[date, int]],
    urls: dict[str, str],
    chosen: ChartRange = DEFAULT_RANGE,
    today: date | None = None,
) -> Markup:
    """Return the page below the moments: important dates, then closeness over time as
    a chart (with a title and a description) and the same ratings in a table.

    ``chosen`` is the span of the chart and the table (counted back from ``today``),
    picked with links that work without JavaScript; the latest rating is said
    whatever the span."""
    parts = [
        html(
            '<section class="card" aria-labelledby="dates-heading">'
            '<h2 id="dates-heading">Important dates</h2>'
        )
    ]
    if dates:
        parts.append(
            html('<ul class="plain-list date-list">{}</ul>', join(_date_row(d) for d in dates))
        )
    else:
        parts.append(html('<p class="muted">No dates yet.</p>'))
    parts.append(html('<p><a href="{}">Add a date</a></p></section>', urls["date_new"]))
    parts.append(
        html(
            '<section class="card" id="closeness" aria-labelledby="closeness-heading">'
            '<h2 id="closeness-heading">Closeness over time</h2>'
        )
    )
    # Without a today there is nothing to count back from: everything is shown.
    shown = (
        list(history) if today is None else in_range(history, chosen, today=today, day_of=_day_of)
    )
    page = UrlPattern("people:person", "person_id")(person.id)
    if history:
        parts.append(html("<p>Latest: {}.</p>", _WORDS[history[-1][1]]))
        parts.append(
            range_links(
                chosen=chosen,
                url=page,
                label="How far back the closeness chart goes",
                fragment="closeness",
            )
        )
    if history and not shown:
        parts.append(
            html(
                '<p class="muted">No ratings in the span shown ({}); the earlier ones are '
                'under <a href="{}?range=all#closeness">All</a>.</p>',
                chosen.label.lower(),
                page,
            )
        )
    elif history:
        name = person.display_name
        history = shown
        parts.append(_chart(name, history))
        parts.append(
            html(
                '<details class="closeness-table"><summary>The ratings as a table</summary>'
                '<div class="chart-table-wrap"><table class="chart-table">'
                '<caption class="visually-hidden">Closeness to {}, newest first'
                '</caption><thead><tr><th scope="col">Day</th><th scope="col">Closeness</th>'
                "</tr></thead><tbody>{}</tbody></table></div></details>",
                name,
                rating_rows(reversed(history)),
            )
        )
    if not history:
        parts.append(
            html(
                '<p class="muted">No ratings yet. Now and then, pick the picture of '
                "two circles that fits how close you feel; over months it draws a "
                "line here.</p>"
            )
        )
    parts.append(
        html('<p><a href="{}">Rate how close you feel</a></p></section>', urls["closeness"])
    )
    return join(parts, sep="\n")


def _chart(name: str, history: Sequence[tuple[date, int]]) -> Markup:
    first, last = history[0], history[-1]
    count = len(history)
    chart = line_chart(
        points=[(day, float(value)) for day, value in history],
        y_min=1,
        y_max=CLOSENESS_MAX,
        y_ticks=[(1, "1"), (4, "4"), (7, "7")],
        title=f"How close you felt to {name} over time",  # escaped by line_chart
        desc=(
            (
                f"{count} ratings from {long_date(first[0])} to {long_date(last[0])}"
                if count > 1
                else f"One rating, on {long_date(last[0])}"
            )
            + ", on a scale of 1 (the circles barely touch) to 7 (they almost fully "
            f"overlap). The latest is {last[1]}."
        ),
        chart_id="closeness-chart",
        # Ratings are sporadic: smoothed only once there are enough to smooth.
        mean_window=MEAN_WINDOW if count >= 2 * MEAN_WINDOW else 0,
        mean_label=f"Line: average of {MEAN_WINDOW} ratings",
        raw_label="Faint: each rating",
    )
    # line_chart's answer is safe markup (it escapes its own text): kept as it is.
    return join([chart])


def _day_of(rating: tuple[date, int]) -> date:
    return rating[0]


def rating_rows(history: Iterable[tuple[date, int]]) -> Markup:
    """Return the <tr> rows of the closeness table, in the order given: day, then words."""
    return join(
        [
            html(
                '<tr><td><time datetime="{}">{} {} {}</time></td><td>{}</td></tr>',
                day.isoformat(),
                str(day.day),
                MONTH_ABBREVIATIONS[day.month - 1],
                str(day.year),
                _WORDS[value],
            )
            for day, value in history
        ]
    )
