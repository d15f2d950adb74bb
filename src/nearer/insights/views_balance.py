"""Balance and care: the mix of kinds of closeness lately, and who might like a thought."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.accounts.services import preferences_get
from nearer.insights.balance import balance_for, balance_sentences, percent
from nearer.insights.care import care_for
from nearer.lib.charts import paired_bar_chart
from nearer.lib.clock import local_now
from nearer.lib.dates import long_date
from nearer.moments.content import KIND_HELP


@login_required
@require_safe
def balance(request: HttpRequest) -> HttpResponse:
    """The last 90 days' kinds of closeness against the year before, and the care list."""
    user, vault = current_user(request), current_vault(request)
    now = local_now(preferences_get(user=user, vault=vault))
    found = balance_for(user=user, vault=vault, today=now.date())
    periods = found.periods
    has_marks = bool(found.recent_marks or found.before_marks)
    chart = paired_bar_chart(
        rows=[(kind.label, kind.before_share, kind.recent_share) for kind in found.kinds],
        first_label="The year before",
        second_label="The last 90 days",
        title="Kinds of closeness: the last 90 days against the year before",
        desc=(
            "For each kind, its share of the kinds you marked: a hollow bar for the "
            "year before, a filled bar for the last 90 days. The table below gives "
            "the same numbers."
        ),
        chart_id="balance-chart",
    )
    rows = [
        {
            "label": kind.label,
            "help": KIND_HELP[kind.key],
            "before": kind.before,
            "before_share": percent(kind.before_share),
            "recent": kind.recent,
            "recent_share": percent(kind.recent_share),
        }
        for kind in found.kinds
    ]
    care = care_for(user=user, vault=vault, today=now.date(), zone=now.tzinfo)
    context = {
        "balance": found,
        "has_marks": has_marks,
        "sentences": balance_sentences(found),
        "chart": chart if has_marks else "",
        "rows": rows,
        "recent_words": f"{long_date(periods.recent_start)} to {long_date(periods.recent_end)}",
        "before_words": f"{long_date(periods.before_start)} to {long_date(periods.before_end)}",
        "care": care,
    }
    return render(request, "insights/balance.html", context)
