"""Your data's front page: export everything, and every import there is."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Links to the export and to each import; nothing is opened."""
    return render(request, "portability/index.html")


__all__ = ["index"]
