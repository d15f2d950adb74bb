"""Real-browser fixtures: Debian's Chromium driven by Playwright against a live server.

One browser is launched for the whole session; each test gets a fresh context
(its own cookies), so tests never see each other's sessions.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from nearer.tests.browser.helpers import Site

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to
# run beside one unless told it is safe (it is: the loop never runs our queries).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NEARER_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Launch the system Chromium (never a downloaded one), quietly and headless."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM} (set NEARER_CHROMIUM)")
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


# Assertions wait up to 10 s (not Playwright's 5 s): a busy two-core CI machine can be
# slow to answer for a moment; a real failure still shows within seconds of it.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 900},
        "locale": "en-GB",
        "timezone_id": "Europe/London",
    }


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page that fails fast, and fails if the site breaks its own CSP or throws in JS.

    A missing element is an error within seconds, not half a minute.
    """
    new = context.new_page()
    new.set_default_timeout(8_000)
    new.set_default_navigation_timeout(15_000)
    trouble: list[str] = []
    new.on("pageerror", lambda error: trouble.append(f"script error: {error}"))
    new.on(
        "console",
        lambda message: (
            trouble.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield new
    new.close()
    assert not trouble, "The browser reported problems:\n" + "\n".join(trouble)


@pytest.fixture
def site(live_server: Any) -> Site:
    """The live server's address, with helpers that act as a person would."""
    return Site(live_server.url)


@pytest.fixture
def no_js_page(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A page in a context with JavaScript switched off."""
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    new = context.new_page()
    new.set_default_timeout(8_000)
    yield new
    context.close()


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    """Screenshots go to a temporary directory, never into the repository."""
    return tmp_path


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's own base_url fixture trips a pytest deprecation; not ours to fix.
    config.addinivalue_line(
        "filterwarnings", "ignore:Session-scoped fixtures defined as instance methods"
    )
