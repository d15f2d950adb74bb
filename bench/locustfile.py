"""Locust users for bench/bench_load.py: logged-in people using Nearer, and a public page.

``Person`` logs in once (``on_start``), then, with no think time, reads Today, a
journal month, an entry, People, a person, and writes check-ins and journal entries
in a fixed mix. ``Visitor`` reads the login page only (the public-page ceiling).
Forms are filled from the page's own HTML (``FormFiller``), so the mix follows the
forms as they are: a radio group takes its middle value, a text field a few words.
Which user class runs is chosen on locust's command line.
"""

from __future__ import annotations

import json
import os
import random
import re
from html.parser import HTMLParser

from locust import HttpUser, constant, task

USERNAME = os.environ.get("NEARER_LOAD_USERNAME", "loadtest")
PASSWORD = os.environ.get("NEARER_LOAD_PASSWORD", "")
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


def _fill(html: str, action: str) -> tuple[str, dict[str, str]] | None:
    filler = FormFiller(action)
    filler.feed(html)
    return (filler.found, filler.data()) if filler.found else None


class Person(HttpUser):
    wait_time = constant(0)
    taken = 0

    def on_start(self) -> None:
        cookies = os.environ.get("NEARER_LOAD_COOKIES")
        if cookies:
            # Sessions logged in before the run (bench_load.py): no login is timed.
            with open(cookies) as jars:
                every = json.load(jars)
            Person.taken += 1
            self.client.cookies.update(every[Person.taken % len(every)])
        else:
            page = self.client.get("/accounts/login/", name="login page")
            form = _fill(page.text, "/accounts/login/")
            assert form is not None
            action, data = form
            data.update(username=USERNAME, password=PASSWORD)
            self.client.post(action, data=data, name="log in")
        month = self.client.get("/journal/", name="journal month").text
        self.entries = re.findall(r'href="(/journal/[0-9a-f-]{36}/)"', month) or ["/journal/"]
        people = self.client.get("/people/", name="people").text
        self.people = re.findall(r'href="(/people/[0-9a-f-]{36}/)"', people) or ["/people/"]

    @task(30)
    def today(self) -> None:
        self.client.get("/", name="today")

    @task(15)
    def journal_month(self) -> None:
        self.client.get("/journal/", name="journal month")

    @task(15)
    def entry(self) -> None:
        self.client.get(random.choice(self.entries), name="an entry")

    @task(10)
    def people_list(self) -> None:
        self.client.get("/people/", name="people")

    @task(10)
    def person(self) -> None:
        self.client.get(random.choice(self.people), name="a person")

    @task(10)
    def checkin(self) -> None:
        self._submit("/checkins/new/", "check-in (write)")

    @task(10)
    def journal_write(self) -> None:
        self._submit("/journal/new/", "journal entry (write)")

    def _submit(self, url: str, name: str) -> None:
        """Fill and send the form at ``url``, step after step, until it redirects."""
        page = self.client.get(url, name=f"{name}: form")
        for _ in range(4):
            form = _fill(page.text, url)
            if form is None:
                return
            action, data = form
            page = self.client.post(action, data=data, name=f"{name}: send")
            if page.history:  # followed a redirect: saved
                return


class Visitor(HttpUser):
    wait_time = constant(0)

    @task
    def login_page(self) -> None:
        self.client.get("/accounts/login/", name="login page (public)")
