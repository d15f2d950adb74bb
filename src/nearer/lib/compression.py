"""Pages compressed with gzip (Django's GZipMiddleware), text only and never a stream.

Static files are compressed ahead of time by WhiteNoise, which answers them above
this middleware. Here only rendered text is compressed: HTML, JSON, the manifest,
the service worker's script. Streaming responses (exports, backups, downloads) are
left as they are, so their first bytes leave at once rather than waiting on gzip,
and bytes that are already compressed (zip, images) are not squeezed again.

BREACH: compressing a page that holds a secret and text an attacker chose can leak
the secret through the response's length. Django's GZipMiddleware adds up to 100
random bytes to each compressed response ("Heal the Breach"), the CSRF token in a
page is masked afresh each time, and our cookies are SameSite (docs/security.md).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

# Content types worth compressing; anything else (images, zip, PDF) is passed on.
TEXT_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/javascript",
    "image/svg+xml",
    "application/xml",
)


class TextGZipMiddleware(GZipMiddleware):
    """GZipMiddleware for whole (non-streaming) text responses only."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.streaming:
            return response
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
