"""The layout's head links for installing Nearer (manifest, touch icon, theme colours)."""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix

from nearer.lib.html import Markup, html
from nearer.lib.urls import url_for
from nearer.pwa.install import APPLE_TOUCH_ICON, BACKGROUND_DARK, BACKGROUND_LIGHT


@cache
def _head(prefix: str) -> Markup:
    """The head's install links (nearer.js registers the worker named on the manifest link)."""
    return html(
        '<link rel="manifest" href="{}" data-service-worker="{}" data-scope="{}">\n  '
        '<link rel="apple-touch-icon" href="{}">\n  '
        '<meta name="theme-color" content="{}" media="(prefers-color-scheme: light)">\n  '
        '<meta name="theme-color" content="{}" media="(prefers-color-scheme: dark)">',
        url_for("pwa:manifest"),
        url_for("pwa:service_worker"),
        prefix,
        static(APPLE_TOUCH_ICON),
        BACKGROUND_LIGHT,
        BACKGROUND_DARK,
    )


def install(request: HttpRequest) -> dict[str, object]:
    """Return ``install_head`` for base.html's head."""
    return {"install_head": _head(get_script_prefix())}
