"""The Insights page: what went together in a person's own days, said honestly."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.insights.findings import Finding, findings_read
from nearer.insights.stats import MIN_EACH_SIDE
from nearer.insights.words import MEASURE_NAMES, missing, number, sentence
from nearer.lib.charts import means_chart
from nearer.lib.html import EMPTY, Markup

# (section, heading, what it compares), in the page's order.
SECTIONS = (
    (
        "together",
        "Moments together",
        "Check-ins on days with a moment together, and the day after.",
    ),
    ("kinds", "By kind of intimacy", "Pleasantness on days with a moment of each kind."),
    ("circles", "By circle", "Pleasantness on days with someone from each circle."),
    (
        "people",
        "With the people you see most",
        f"Only people with at least {MIN_EACH_SIDE} days together and {MIN_EACH_SIDE} without, "
        "alongside check-ins.",
    ),
    (
        "scales",
        "Well-being scales",
        "Each result against the moments in the 14 days before it, compared with your usual.",
    ),
)


@dataclass(frozen=True, slots=True)
class Shown:
    """One finding as the page shows it."""

    key: str
    title: str
    text: str
    ready: bool
    clear: bool
    chart: Markup
    difference: str
    interval: str
    mean_with: str
    mean_without: str
    with_words: str
    without_words: str
    counts: str


def _shown(finding: Finding, number_in_page: int) -> Shown:
    title = f"{MEASURE_NAMES[finding.measure]}: {finding.with_words}"
    if not finding.ready:
        return Shown(
            finding.key,
            title,
            missing(finding),
            False,
            False,
            EMPTY,
            "",
            "",
            "",
            "",
            finding.with_words,
            finding.without_words,
            "",
        )
    assert finding.mean_with is not None and finding.mean_without is not None  # noqa: S101
    low, high = finding.scale_low, finding.scale_high
    chart = means_chart(
        # Our words only in the drawing: the title and the table name the sides.
        rows=[("With", finding.mean_with), ("Without", finding.mean_without)],
        band=(
            finding.mean_without + (finding.low or 0.0),
            finding.mean_without + (finding.high or 0.0),
        ),
        x_min=low,
        x_max=high,
        title=title,
        desc=(
            f"Average on {finding.with_words} (filled dot, “With”) and on "
            f"{finding.without_words} (hollow dot, “Without”); the shaded bar is where the "
            "first may well lie, by the 95% interval of the difference. The table below "
            "gives the numbers."
        ),
        chart_id=f"finding-{number_in_page}",
        x_ticks=[
            (low + (high - low) * step / 4, f"{low + (high - low) * step / 4:g}")
            for step in range(5)
        ],
    )
    return Shown(
        key=finding.key,
        title=title,
        text=sentence(finding),
        ready=True,
        clear=finding.clear,
        chart=chart,
        difference=number(finding.difference),
        interval=f"{number(finding.low or 0.0)} to {number(finding.high or 0.0)}",
        mean_with=f"{finding.mean_with:.2f}",
        mean_without=f"{finding.mean_without:.2f}",
        with_words=finding.with_words,
        without_words=finding.without_words,
        counts=f"{finding.n_with:,} vs {finding.n_without:,} {finding.counted}",
    )


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every finding with its difference, interval, n's and chart, or what is missing."""
    user, vault = current_user(request), current_vault(request)
    found = findings_read(user=user, vault=vault)
    by_section: dict[str, list[Finding]] = {}
    for finding in found.findings:
        by_section.setdefault(finding.section, []).append(finding)
    sections = []
    count = 0
    for key, heading, intro in SECTIONS:
        shown = []
        for finding in by_section.get(key, []):
            count += 1
            shown.append(_shown(finding, count))
        sections.append({"key": key, "heading": heading, "intro": intro, "findings": shown})
    return render(
        request,
        "insights/index.html",
        {
            "sections": sections,
            "checkin_days": found.checkin_days,
            "moment_days": found.moment_days,
            "minimum": MIN_EACH_SIDE,
        },
    )
