"""The manifest, the service worker, the offline page and robots.txt: all public."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nearer.pwa import install

ROBOTS = (
    "# A private instance of Nearer: nothing here is for search engines.\n"
    "User-agent: *\n"
    "Disallow: /\n"
)


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        install.manifest(install.current_prefix()), content_type="application/manifest+json"
    )


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    # Served from the site's root, so its scope is the whole site without a
    # Service-Worker-Allowed header; the browser checks it for updates at each visit.
    return HttpResponse(
        install.service_worker(install.current_prefix()),
        content_type="text/javascript; charset=utf-8",
    )


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """The page shown when the network can't be reached (the service worker keeps it)."""
    return render(request, "pwa/offline.html")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")
