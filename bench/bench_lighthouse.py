#!/usr/bin/env python3
"""Lighthouse (mobile) on the login page and, logged in, Today, a journal month and People.

    python bench/bench_lighthouse.py [--years 10 --entries 10000 --people 300 --moments 20000]

What it does:
1. Installs the pinned Lighthouse into bench/lighthouse/ when it is missing
   (``npm ci`` from its package-lock.json; Node 20 or later).
2. A throwaway data directory (SQLite) with the demo account (``nearer demo``, its
   default size unless told otherwise) and production settings, served by
   ``nearer serve`` on a free port.
3. Logs in through the login page (Python ``requests``) and hands the session and
   key cookies to Lighthouse as an extra ``Cookie`` header, so the logged-in pages
   are audited as the person sees them.
4. Runs Lighthouse 12 with Debian's Chromium (``CHROME_PATH``, default
   /usr/bin/chromium), headless, mobile (Lighthouse's default form factor and
   throttling), once per page: performance, accessibility, best practices, SEO.
5. Prints a Markdown table of the four scores per page beside the targets
   (performance ≥ 98, accessibility 100, best practices 100, SEO ≥ 90), then every
   audit that did not pass on each page. The JSON reports stay in the work directory.

Not a test: nothing fails on a miss.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages

HERE = Path(__file__).resolve().parent
TOOL = HERE / "lighthouse"
VENV_BIN = Path(sys.executable).parent
USERNAME = "lighthouse"
PASSWORD = "a lighthouse password 2026"  # noqa: S105 (a throwaway account)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WARM_UP = ("/", "/journal/", "/people/")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 90}


def _lighthouse() -> Path:
    """Return the pinned Lighthouse command, installing it first if need be."""
    command = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("Lighthouse needs Node and npm (Node 20 or later)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=TOOL, check=True)  # noqa: S603
    return command


def _log_in(base: str) -> str:
    """Log in through the login page; return the browser's cookies as a header value."""
    import requests

    session = requests.Session()
    # Generous timeouts: a login runs Argon2id, and a busy machine stretches it.
    page = session.get(base + "/accounts/login/", timeout=300)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, f"no CSRF token on the login page ({page.status_code})"
    answer = session.post(
        base + "/accounts/login/",
        data={"csrfmiddlewaretoken": token.group(1), "username": USERNAME, "password": PASSWORD},
        headers={"Referer": base + "/accounts/login/"},
        timeout=300,
    )
    assert answer.url.rstrip("/") == base, f"login failed: {answer.status_code}"
    for path in WARM_UP:  # as a returning person finds them: anything derived already made
        session.get(base + path, timeout=300)
    return "; ".join(f"{name}={value}" for name, value in session.cookies.get_dict().items())


def _audit(command: Path, url: str, report: Path, cookie: str | None) -> dict[str, Any]:
    argv = [
        str(command),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--quiet",
    ]
    if cookie:
        argv.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = dict(os.environ)
    env.setdefault("CHROME_PATH", "/usr/bin/chromium")
    subprocess.run(argv, check=True, env=env, cwd=TOOL)  # noqa: S603
    return dict(json.loads(report.read_text()))


def _not_passed(result: dict[str, Any]) -> list[str]:
    """Return each audit of the four categories that did not pass, with its score."""
    lines = []
    audits = result["audits"]
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if mode in ("notApplicable", "informative", "manual") or audit.get("score") is None:
                continue
            if audit["score"] < 1 and (ref.get("weight", 0) > 0 or category != "performance"):
                value = audit.get("displayValue", "")
                lines.append(
                    f"{category}: {audit['title']} ({ref['id']}, score {audit['score']:.2f}"
                    + (f", {value}" if value else "")
                    + ")"
                )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--moments", type=int, default=20_000)
    args = parser.parse_args()

    command = _lighthouse()
    workdir = Path(tempfile.mkdtemp(prefix="nearer-bench-lighthouse-"))
    env = dict(os.environ)
    env.update(
        NEARER_DATA_DIR=str(workdir / "data"),
        NEARER_SECRET_KEY=secrets.token_urlsafe(48),
        NEARER_PEPPER=secrets.token_urlsafe(48),
        NEARER_ALLOWED_HOSTS="127.0.0.1",
    )
    env.pop("NEARER_TESTING", None)
    env.pop("NEARER_DATABASE_URL", None)  # a throwaway SQLite file: nothing else is touched
    nearer = str(VENV_BIN / "nearer")
    demo = [nearer, "demo", "--username", USERNAME, "--password", PASSWORD]
    demo += ["--years", str(args.years), "--entries", str(args.entries)]
    demo += ["--people", str(args.people), "--moments", str(args.moments)]
    subprocess.run(demo, check=True, env=env, capture_output=True)  # noqa: S603

    port = bench_pages.free_port()
    base = f"http://127.0.0.1:{port}"
    with open(workdir / "serve.log", "w") as log:
        server = subprocess.Popen(  # noqa: S603
            [nearer, "serve", "--port", str(port)], env=env, stdout=log, stderr=log
        )
    results: dict[str, dict[str, Any]] = {}
    try:
        bench_pages.wait_for_port(port)
        cookie = _log_in(base)
        pages = {
            "Log in": ("/accounts/login/", None),
            "Today": ("/", cookie),
            "Journal month": ("/journal/", cookie),
            "People": ("/people/", cookie),
        }
        for name, (path, cookies) in pages.items():
            report = workdir / f"{re.sub(r'[^a-z]+', '-', name.lower())}.json"
            results[name] = _audit(command, base + path, report, cookies)
            final = results[name].get("finalDisplayedUrl", "")
            if cookies and "/accounts/login/" in final:
                raise SystemExit(f"{name}: Lighthouse was sent to the login page ({final})")
    finally:
        server.terminate()
        server.wait(timeout=30)

    version = next(iter(results.values())).get("lighthouseVersion", "?")
    print(f"- Lighthouse {version}, mobile (its default throttling), headless Chromium")
    print(
        f"- Demo: {args.years} years, {args.entries} entries, {args.people} people, "
        f"{args.moments} moments; SQLite; `nearer serve` defaults"
    )
    print()
    heads = " | ".join(f"{c} (≥ {TARGETS[c]})" for c in CATEGORIES)
    print(f"| page | {heads} |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for name, result in results.items():
        scores = []
        for category in CATEGORIES:
            score = result["categories"][category]["score"]
            shown = "–" if score is None else f"{score * 100:.0f}"
            met = score is not None and score * 100 >= TARGETS[category]
            scores.append(shown if met else f"**{shown}**")
        print(f"| {name} | " + " | ".join(scores) + " |")
    print("\n(bold: under the target)\n")
    for name, result in results.items():
        failing = _not_passed(result)
        print(f"{name}: " + ("every audit passed" if not failing else ""))
        for line in failing:
            print(f"  - {line}")
    print(f"\n(work directory: {workdir})", file=sys.stderr)


if __name__ == "__main__":
    main()
