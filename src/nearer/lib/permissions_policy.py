"""The Permissions-Policy header: powerful browser features Nearer never uses are off.

A journal has no use for a camera, a microphone, the person's location or a payment
sheet; denying them means a script that got in anyway could not ask for them either.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def policy_header(features: list[str]) -> str:
    """Return the header value denying every feature in ``features`` to every origin."""
    return ", ".join(f"{feature}=()" for feature in features)


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (from settings.PERMISSIONS_POLICY_DENY) to every response.

    Placed above WhiteNoise so static files carry it too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # Worked out once: the setting doesn't change while the process runs.
        self.header = policy_header(list(settings.PERMISSIONS_POLICY_DENY))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
