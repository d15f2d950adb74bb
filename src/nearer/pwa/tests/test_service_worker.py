from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.test import Client

from nearer.pwa import install


def _settings(script: str) -> dict[str, object]:
    first, _, _ = script.partition("\n")
    assert first.startswith("const NEARER = ") and first.endswith(";")
    settings: dict[str, object] = json.loads(first.removeprefix("const NEARER = ")[:-1])
    return settings


def test_it_is_served_from_the_root_as_javascript() -> None:
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # The CSP lets a same-origin script run as a worker (worker-src falls back to
    # script-src 'self'); the page's nonce is for inline scripts only.
    assert "'self'" in response["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0]


def test_it_keeps_our_static_files_and_the_offline_and_help_pages_only() -> None:
    settings = _settings(Client().get("/sw.js").content.decode())
    statics = settings["statics"]
    assert isinstance(statics, list)
    assert "/static/nearer/nearer.css" in statics and "/static/nearer/nearer.js" in statics
    assert "/static/nearer/pwa/icon-192.png" in statics
    assert all(url.startswith("/static/nearer/") for url in statics)  # not the admin's
    assert settings["offline"] == "/offline/" and settings["help"] == "/help/"


def test_the_pages_it_keeps_are_fetched_without_cookies() -> None:
    script = Client().get("/sw.js").content.decode()
    # The offline and help pages are kept as someone logged out sees them.
    assert 'credentials: "omit"' in script
    # A navigation is answered from the cache only when the network fails.
    assert "preloaded || fetch(request)" in script and "fromNetwork.catch(" in script


def test_it_names_the_hashed_files_of_a_collected_release(tmp_path: Path, settings: Any) -> None:
    # As `nearer serve` runs it: a manifest storage, whose static("") is an error.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    install.service_worker.cache_clear()
    try:
        response = Client().get("/sw.js")
    finally:
        install.service_worker.cache_clear()
    assert response.status_code == 200
    config = _settings(response.content.decode())
    statics = config["statics"]
    assert isinstance(statics, list)
    hashed = re.compile(r"^/static/nearer/nearer\.[0-9a-f]{12}\.css$")
    assert any(hashed.match(url) for url in statics), statics
    assert config["static_prefix"] == "/static/"
