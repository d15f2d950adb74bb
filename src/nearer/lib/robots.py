"""Every response says search engines should not index it (X-Robots-Tag).

A Nearer instance is private: /robots.txt asks every crawler to stay out, and this
header covers the crawlers that fetch a page anyway (say, through a shared link):
a search engine that honours it keeps the page, and the links on it, out of its
index. Placed above WhiteNoise, so static files carry it too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

HEADER = "noindex, nofollow"


class NoIndexMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response["X-Robots-Tag"] = HEADER
        return response
