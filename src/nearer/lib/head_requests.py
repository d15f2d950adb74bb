"""HEAD answers like GET without a body (RFC 9110 §9.3.2).

Views treat HEAD as GET (``require_safe``, or HEAD beside GET and POST); this drops
the body they render, keeping the headers — Content-Length included — that GET
would send. WSGI servers drop it too, but gunicorn writes a warning for each one.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase


class HeadWithoutBodyMiddleware:
    """Empties the body of every non-streaming response to a HEAD request.

    Sits above CommonMiddleware, which has set Content-Length from the full body by
    the time the response gets here. Streaming responses (files) are left to the
    server, which sends no body for HEAD.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "HEAD" and isinstance(response, HttpResponse):
            response.content = b""
        return response
