"""Year in pixels: a day a cell, by how pleasant that day's check-ins felt."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nearer.accounts.current import current_day, current_user, current_vault
from nearer.insights.pixels import year_for, years_around
from nearer.insights.pixels_html import pixels_grid, pixels_legend, pixels_table_rows


@login_required
@require_safe
def year(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """One year (this one by default); links to the nearest years before and after with
    check-ins.

    Any year 1–9999 can be asked for: one without check-ins says so calmly.
    """
    user, vault = current_user(request), current_vault(request)
    shown = year if year is not None else current_day(request).year
    previous, later = years_around(user=user, year=shown)
    found = year_for(user=user, vault=vault, year=shown)
    context = {
        "year": shown,
        "found": found,
        "days": found.days_with_checkins,
        "grid": pixels_grid(found) if found.days_with_checkins else "",
        "table_rows": pixels_table_rows(found) if found.days_with_checkins else "",
        "legend": pixels_legend(found.level_counts()),
        "previous": previous,
        "next": later,
        "day_numbers": range(1, 32),
    }
    return render(request, "insights/pixels.html", context)
