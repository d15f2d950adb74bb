"""Filling Nearer's forms from their own HTML, for the load benchmark's simulated people.

Kept apart from bench/locustfile.py so that bench/profile_request.py can use it
without importing locust (which patches the standard library when imported).
"""

from __future__ import annotations

import random
from html.parser import HTMLParser

WORDS = [
    "quiet",
    "morning",
    "walk",
    "with",
    "tea",
    "and",
    "a",
    "long",
    "talk",
    "about",
    "the",
    "garden",
]


class FormFiller(HTMLParser):
    """The fields of the first POST form whose action starts with ``action``."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.found: str | None = None
        self.fields: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        # A form without an action posts to its own page.
        target = values.get("action") or self.action
        if tag == "form" and self.found is None and target.startswith(self.action):
            self.inside, self.found = True, target
            return
        if not self.inside or "name" not in values:
            return
        name, kind = values["name"], values.get("type", "text")
        if tag == "input" and kind == "radio":
            self.radios.setdefault(name, []).append(values.get("value", ""))
        elif tag == "input" and kind == "checkbox":
            pass  # optional: left unticked, as someone in a hurry would
        elif tag == "input" and kind in ("hidden", "date"):
            self.fields[name] = values.get("value", "")
        elif tag in ("input", "textarea"):
            self.fields[name] = " ".join(random.sample(WORDS, 5))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False

    def data(self) -> dict[str, str]:
        chosen = {name: options[len(options) // 2] for name, options in self.radios.items()}
        return {**self.fields, **chosen}


def fill(html: str, action: str) -> tuple[str, dict[str, str]] | None:
    filler = FormFiller(action)
    filler.feed(html)
    return (filler.found, filler.data()) if filler.found else None
