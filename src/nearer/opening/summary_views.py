"""The page "What opening up did": a thin view over ``opening.summary``.

The charts are drawn here (lib/charts, every text escaped there); the same numbers
are in the page's tables, which the template writes.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.lib.charts import change_chart, stacked_bar_chart
from nearer.lib.dates import short_date
from nearer.lib.html import Markup, join
from nearer.opening.content import ANXIETY_MAX, ANXIETY_MIN
from nearer.opening.summary import FearedFelt, Reciprocity
from nearer.opening.summary_kept import summary_for
from nearer.opening.summary_rows import (
    count_cells,
    depth_rows,
    felt_rows,
    period_rows,
    person_section,
)

SERIES = ("me", "them", "both", "neither")
# "Everyone else" (everyone after the five with a chart: about 300 people in ten
# years) is shown this many at a time, most moments first; the page says so.
OTHERS_PER_PAGE = 30


def _felt_chart(felt: FearedFelt) -> Markup:
    first, last = felt.points[0].day, felt.points[-1].day
    return change_chart(
        points=[(point.day, point.before, point.after) for point in felt.points],
        y_min=ANXIETY_MIN,
        y_max=ANXIETY_MAX,
        y_ticks=[(0, "0"), (5, "5"), (10, "10")],
        title="Anxiety before and after each share",
        desc=(
            f"{felt.count} shares from {short_date(first)} to {short_date(last)}: "
            f"on average {felt.mean_before:.1f} before and {felt.mean_after:.1f} after, "
            "on a scale from 0 (calm) to 10 (very anxious). The table below has each share."
        ),
        chart_id="felt-chart",
    )


def _reciprocity_chart(one: Reciprocity, chart_id: str) -> Markup:
    me, them, both, neither = one.totals
    return stacked_bar_chart(
        bars=[(period.label, period.counts) for period in one.periods],
        series=SERIES,
        title=f"Who opened up: {one.name}",
        desc=(
            f"Over {len(one.periods)} periods: I did {me}, they did {them}, "
            f"we both did {both}, neither {neither}. The table has each period."
        ),
        chart_id=chart_id,
    )


@login_required
@require_safe
def summary(request: HttpRequest) -> HttpResponse:
    """What opening up did, from the person's own shares, moments and deck sessions."""
    data = summary_for(user=current_user(request), vault=current_vault(request))
    view = data.reciprocity
    # Any other value of ?others= (not a number, past the end) gives the first or last page.
    others = Paginator(view.others, OTHERS_PER_PAGE).get_page(request.GET.get("others"))
    people = join(
        person_section(one, _reciprocity_chart(one, f"recip-{number}"), f"recip-{number}")
        for number, one in enumerate(view.top, start=1)
    )
    return render(
        request,
        "opening/summary.html",
        {
            "summary": data,
            "felt_chart": _felt_chart(data.felt) if data.felt is not None else None,
            "felt_rows": felt_rows(data.felt.points) if data.felt is not None else None,
            "overall_chart": _reciprocity_chart(view.overall, "recip-all"),
            "overall_rows": period_rows(view.overall.periods, view.overall.totals),
            # Plain pairs: a template loop reads a tuple's items faster than attributes.
            "others": [(one.name, count_cells(one.totals)) for one in others],
            "others_page": others,
            "depth_rows": depth_rows(data.depths),
            "people": people,
            "period_word": "quarter" if view.by_quarter else "year",
        },
    )
