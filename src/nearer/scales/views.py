"""Pages of the well-being scales and the path to help: thin views over selectors
and services.

A result id always comes back through a selector or service scoped to the
person, so someone else's id is a 404. Answers are posted to one address for
every scale (``save``), so which scale was taken is not in the address a form
is sent to.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.accounts.services import preferences_get
from nearer.lib.charts import chart_range, in_range, range_links
from nearer.lib.clock import local_now
from nearer.lib.dates import long_date
from nearer.lib.help_lines import help_lines
from nearer.lib.urls import url_for
from nearer.scales import selectors, services
from nearer.scales.forms import ScaleForm, ScheduleForm
from nearer.scales.instruments import SCALE_BY_KEY, Scale
from nearer.scales.rows import chart_for, summary_of, table_rows
from nearer.scales.schedule import EVERY_CHOICES, next_due, offered_scales, state_of
from nearer.vault.box import Vault


def _offered(key: object) -> Scale:
    scale = SCALE_BY_KEY.get(key) if isinstance(key, str) else None
    if scale is None or scale not in offered_scales():
        raise Http404("No such scale.")
    return scale


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The scales, when each was last taken and is next offered, and the latest results."""
    user, vault = current_user(request), current_vault(request)
    prefs = preferences_get(user=user, vault=vault)
    today = local_now(prefs).date()
    state = state_of(prefs)
    every_label = dict(EVERY_CHOICES)
    scales = [
        {
            "scale": scale,
            "last": state.last.get(scale.key),
            "every": every_label.get(state.every_days(scale), ""),
            "next_on": state.next_on(scale),
        }
        for scale in offered_scales()
    ]
    return render(
        request,
        "scales/index.html",
        {
            "scales": scales,
            "today": today,
            "due": next_due(state, today),
            "recent": selectors.results_recent(user=user, vault=vault),
        },
    )


@login_required
@require_safe
def take(request: HttpRequest, scale_key: str) -> HttpResponse:
    """One scale as a form: every item a radio group, nothing chosen in advance."""
    scale = _offered(scale_key)
    return render(request, "scales/take.html", {"scale": scale, "form": ScaleForm(scale)})


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    """Score and seal a filled-in scale, then show the result; errors keep the answers."""
    scale = _offered(request.POST.get("scale"))
    user, vault = current_user(request), current_vault(request)
    form = ScaleForm(scale, request.POST)
    if form.is_valid():
        today = local_now(preferences_get(user=user, vault=vault)).date()
        try:
            result = services.result_create(
                user=user,
                vault=vault,
                scale_key=scale.key,
                answers=form.answers(),
                taken_on=today,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("scales:result", result_id=result.id)
    return render(request, "scales/take.html", {"scale": scale, "form": form}, status=200)


@login_required
@require_safe
def result(request: HttpRequest, result_id: UUID) -> HttpResponse:
    """A result in plain words: score, range, what studies make of it, the change, help."""
    user, vault = current_user(request), current_vault(request)
    shown = selectors.result_for(user=user, vault=vault, result_id=result_id)
    previous = selectors.previous_of(user=user, vault=vault, result=shown)
    context: dict[str, Any] = {
        "result": shown,
        "scale": shown.scale,
        "change": selectors.change_since(previous, shown),
        "taken_label": long_date(shown.taken_on),
        "previous_label": long_date(previous.taken_on) if previous else "",
        "help_level": shown.help_level,
        "inner_circle": (
            selectors.inner_circle(user=user, vault=vault) if shown.help_level != "none" else []
        ),
    }
    return render(request, "scales/result.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def result_delete(request: HttpRequest, result_id: UUID) -> HttpResponse:
    """Ask, then delete one result for good."""
    user, vault = current_user(request), current_vault(request)
    if request.method == "POST":
        services.result_delete(user=user, vault=vault, result_id=result_id)
        messages.success(request, "The result was deleted.")
        return redirect("scales:index")
    shown = selectors.result_for(user=user, vault=vault, result_id=result_id)
    return render(
        request,
        "scales/delete.html",
        {"result": shown, "taken_label": long_date(shown.taken_on)},
    )


@login_required
@require_safe
def trends(request: HttpRequest) -> HttpResponse:
    """Each scale over time: an SVG chart and the same numbers in a table.

    ``?range=3m|1y|all`` chooses the span of every chart and table; any other value
    is "all".
    """
    found = selectors.trends_for(user=current_user(request), vault=current_vault(request))
    chosen = chart_range(request.GET.get("range"))
    today = timezone.localdate()  # a day off at most: the span needs no preferences
    sections = []
    for scale in SCALE_BY_KEY.values():
        every = found.points[scale.key]
        if not every and scale not in offered_scales():
            continue
        points = in_range(every, chosen, today=today, day_of=_taken_on)
        sections.append(
            {
                "scale": scale,
                "chart": chart_for(scale, points),
                "rows": table_rows(scale, points),
                "summary": summary_of(scale, points),
                "outside": len(every) - len(points),
            }
        )
    context = {
        "sections": sections,
        "unreadable": found.unreadable,
        "range": chosen,
        "ranges": range_links(
            chosen=chosen, url=url_for("scales:trends"), label="How far back the charts go"
        ),
    }
    return render(request, "scales/trends.html", context)


def _taken_on(point: selectors.Point) -> date:
    return point.taken_on


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def schedule(request: HttpRequest) -> HttpResponse:
    """How often each scale is offered on Today (or not at all)."""
    user, vault = current_user(request), current_vault(request)
    state = state_of(preferences_get(user=user, vault=vault))
    scales = offered_scales()
    form = ScheduleForm(scales, state, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.schedule_update(user=user, vault=vault, every=form.every())
        messages.success(request, "Saved. Scales will be offered as you chose.")
        return redirect("scales:index")
    return render(request, "scales/schedule.html", {"form": form})


@login_required
@require_POST
def snooze(request: HttpRequest) -> HttpResponse:
    """ "Not now": no scale is offered on Today for a week."""
    user, vault = current_user(request), current_vault(request)
    today = local_now(preferences_get(user=user, vault=vault)).date()
    services.scales_snooze(user=user, vault=vault, today=today)
    messages.success(request, "Of course. We'll ask again in a week or so.")
    return redirect("today:index")


@require_safe
def help_now(request: HttpRequest) -> HttpResponse:
    """Help lines and first steps; open to everyone, signed in or not.

    For a signed-in person, up to three people of their inner circle are named,
    as someone to reach out to.
    """
    vault = getattr(request, "vault", None)
    inner: list[selectors.Someone] = []
    if request.user.is_authenticated and isinstance(vault, Vault):
        inner = selectors.inner_circle(user=current_user(request), vault=vault)
    return render(
        request,
        "scales/help.html",
        {
            "emergency": settings.HELP_EMERGENCY,
            "lines": help_lines(settings.HELP_LINES),
            "inner_circle": inner,
        },
    )
