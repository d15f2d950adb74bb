from __future__ import annotations

import json
import re
import struct

import pytest
from django.contrib.staticfiles import finders
from django.test import Client


def _png_size(name: str) -> tuple[int, int]:
    path = finders.find(name)
    assert isinstance(path, str), f"{name} is not a static file"
    with open(path, "rb") as file:
        head = file.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_it_is_served_as_a_web_app_manifest() -> None:
    response = Client().get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Nearer" and data["short_name"] == "Nearer"
    assert data["start_url"] == "/" and data["scope"] == "/"
    assert data["display"] == "standalone"
    assert data["background_color"].startswith("#") and data["theme_color"].startswith("#")


def test_its_icons_are_our_pngs_at_their_stated_sizes_and_the_svg() -> None:
    data = json.loads(Client().get("/manifest.webmanifest").content)
    pngs = [icon for icon in data["icons"] if icon["type"] == "image/png"]
    assert {(icon["sizes"], icon["purpose"]) for icon in pngs} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon in pngs:
        name = icon["src"].removeprefix("/static/")
        width, height = _png_size(name)
        assert f"{width}x{height}" == icon["sizes"]
    svgs = [icon for icon in data["icons"] if icon["type"] == "image/svg+xml"]
    assert [icon["src"] for icon in svgs] == ["/static/nearer/icon.svg"]


@pytest.mark.django_db
def test_every_page_links_it_with_a_touch_icon_and_theme_colours() -> None:
    html = Client().get("/accounts/login/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest" data-service-worker="/sw.js"' in html
    assert '<link rel="apple-touch-icon" href="/static/nearer/pwa/apple-touch-icon.png">' in html
    assert html.count('<meta name="theme-color"') == 2
    assert _png_size("nearer/pwa/apple-touch-icon.png") == (180, 180)


def test_the_icons_in_the_tree_are_what_the_script_draws() -> None:
    # The PNGs are committed; a changed mark or palette must be drawn again.
    from nearer.pwa.make_icons import ICONS, draw

    for icon in ICONS:
        path = finders.find(f"nearer/pwa/{icon.name}")
        assert isinstance(path, str)
        with open(path, "rb") as file:
            assert file.read() == draw(icon), f"run python -m nearer.pwa.make_icons ({icon.name})"


def test_its_colours_are_the_style_sheets_page_colours_light_and_dark() -> None:
    # The splash screen and the browser's bar should match the page, not a stale copy.
    from nearer.pwa.install import BACKGROUND_DARK, BACKGROUND_LIGHT

    path = finders.find("nearer/nearer.css")
    assert isinstance(path, str)
    with open(path, encoding="utf-8") as file:
        grounds = re.findall(r"--bg:\s*(#[0-9a-fA-F]{6})\s*;", file.read())
    assert grounds[:2] == [BACKGROUND_LIGHT, BACKGROUND_DARK]
