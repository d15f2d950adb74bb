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
from datetime import date, timedelta

from load_forms import fill
from locust import HttpUser, constant, task

USERNAME = os.environ.get("NEARER_LOAD_USERNAME", "loadtest")
PASSWORD = os.environ.get("NEARER_LOAD_PASSWORD", "")


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
            form = fill(page.text, "/accounts/login/")
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
        # About a day of the last year, not all today: a run writes hundreds of
        # entries, and one month holding them all would be nobody's journal.
        day = date.today() - timedelta(days=random.randrange(365))
        self._submit("/journal/new/", "journal entry (write)", {"entry_date": day.isoformat()})

    def _submit(self, url: str, name: str, chosen: dict[str, str] | None = None) -> None:
        """Fill and send the form at ``url``, step after step, until it redirects;
        ``chosen`` replaces what the form offers for those fields."""
        page = self.client.get(url, name=f"{name}: form")
        for _ in range(4):
            form = fill(page.text, url)
            if form is None:
                return
            action, data = form
            data.update({key: value for key, value in (chosen or {}).items() if key in data})
            page = self.client.post(action, data=data, name=f"{name}: send")
            if page.history:  # followed a redirect: saved
                return


class Visitor(HttpUser):
    wait_time = constant(0)

    @task
    def login_page(self) -> None:
        self.client.get("/accounts/login/", name="login page (public)")
