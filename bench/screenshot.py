#!/usr/bin/env python3
"""Take the README's screenshots: Today, the check-in and a person's page on a phone
(360 px), light and dark, with the demo account.

    python bench/screenshot.py [--out-dir docs/screenshots]

Starts `nearer serve` on a spare port with a throwaway data directory and a small
demo journal, logs in with Chromium (Playwright; /usr/bin/chromium or
NEARER_CHROMIUM) in a 360 × 740 window, and saves the first screenful of each page
in each colour scheme as a PNG (docs/screenshots/<page>-<scheme>.png).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a screenshot password 123"  # noqa: S105 (a throwaway account)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own local server)
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"Nearer did not answer at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--entries", type=int, default=400)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    nearer = Path(sys.executable).with_name("nearer")
    data_dir = tempfile.mkdtemp(prefix="nearer-shot-")
    port = free_port()
    env = {**os.environ, "NEARER_DATA_DIR": data_dir}
    env.pop("NEARER_TESTING", None)
    subprocess.run(  # noqa: S603 (our own command)
        [nearer, "demo", "--password", PASSWORD, "--years", "2", "--entries", str(args.entries)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [nearer, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/accounts/login/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("NEARER_CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            out_dir = Path(args.out_dir)
            out_dir.mkdir(parents=True, exist_ok=True)
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": 360, "height": 740},
                    device_scale_factor=1,
                    color_scheme=scheme,
                    locale="en-GB",
                    timezone_id="Europe/London",
                )
                page = context.new_page()
                page.goto(f"{base}/accounts/login/")
                page.get_by_label("Username").fill("demo")
                page.get_by_label("Password").fill(PASSWORD)
                page.get_by_role("button", name="Log in").click()
                page.wait_for_load_state("networkidle")
                # A person's page: the first name on Today's people card.
                person = page.locator(".today-people a.nudge-name, .today-people .date-list a")
                person_url = person.first.get_attribute("href") or "/people/"
                for name, path in (("today", "/"), ("check-in", "/checkins/new/")):
                    _shoot(page, f"{base}{path}", out_dir / f"{name}-{scheme}.png")
                _shoot(page, f"{base}{person_url}", out_dir / f"person-{scheme}.png")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    for shot in sorted(Path(args.out_dir).glob("*.png")):
        print(f"Saved {shot} ({shot.stat().st_size // 1024} KiB)")


def _shoot(page: Any, url: str, out: Path) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out), full_page=False)


if __name__ == "__main__":
    main()
