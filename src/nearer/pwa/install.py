"""What installing Nearer needs: the manifest's contents and the service worker's script.

Both are worked out once per process (and script prefix): they change only with a
release, whose static files carry new hashed names.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import get_script_prefix

from nearer.lib.urls import url_for

# Our palette (nearer.css): the page's ground, light and dark. The manifest takes one
# colour; the layout's theme-color meta tags give both, by colour scheme.
BACKGROUND_LIGHT = "#fbf8f4"
BACKGROUND_DARK = "#17141b"
DESCRIPTION = (
    "A private journal for the closeness in your life: how you feel, the people who "
    "matter to you, and what you write, sealed with a key only you hold."
)
ICONS = (
    ("nearer/pwa/icon-192.png", "192x192", "image/png", "any"),
    ("nearer/pwa/icon-512.png", "512x512", "image/png", "any"),
    ("nearer/pwa/icon-maskable-512.png", "512x512", "image/png", "maskable"),
    ("nearer/icon.svg", "any", "image/svg+xml", "any"),
)
APPLE_TOUCH_ICON = "nearer/pwa/apple-touch-icon.png"
SCRIPT = Path(__file__).with_name("service_worker.js")


@cache
def manifest(prefix: str) -> str:
    """Return the web app manifest (JSON) for the site under script ``prefix``."""
    start = url_for("today:index")
    data = {
        "id": start,
        "name": "Nearer",
        "short_name": "Nearer",
        "description": DESCRIPTION,
        "lang": "en",
        "dir": "ltr",
        "start_url": start,
        "scope": prefix,
        "display": "standalone",
        "orientation": "any",
        "background_color": BACKGROUND_LIGHT,
        "theme_color": BACKGROUND_LIGHT,
        "icons": [
            {"src": static(name), "sizes": sizes, "type": kind, "purpose": purpose}
            for name, sizes, kind, purpose in ICONS
        ],
    }
    return json.dumps(data, indent=2)


def _our_static_files() -> list[tuple[str, Path]]:
    """Every static file of Nearer's own (not the admin's), by name, with its file."""
    found: dict[str, Path] = {}
    for finder in finders.get_finders():
        for name, storage in finder.list(["*.map", "*.txt"]):
            name = name.replace("\\", "/")
            if name.startswith("nearer/") and name not in found:
                found[name] = Path(storage.path(name))
    return sorted(found.items())


@cache
def service_worker(prefix: str) -> str:
    """Return the service worker's script, its settings above the fixed text."""
    statics: list[str] = []
    digest = hashlib.sha256()
    for name, path in _our_static_files():
        try:
            url = static(name)
        except ValueError:
            continue  # not collected into this release's manifest: not served either
        statics.append(url)
        digest.update(url.encode())
        digest.update(path.read_bytes())
    script = SCRIPT.read_text(encoding="utf-8")
    digest.update(script.encode())
    config = {
        "version": digest.hexdigest()[:16],
        "statics": statics,
        "offline": url_for("pwa:offline"),
        "help": url_for("help"),
        # Not static(""): a manifest storage knows files, not its folder.
        "static_prefix": settings.STATIC_URL,
    }
    return f"const NEARER = {json.dumps(config)};\n{script}"


def current_prefix() -> str:
    return get_script_prefix()
