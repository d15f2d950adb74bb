"""Pages of the well-being scales and the path to help (being built)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """Help lines and first steps; open to everyone, signed in or not."""
    return render(request, "scales/help.html")
