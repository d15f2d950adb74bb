"""Search words never travel in a URL: search is a POST, and a GET with words in its
query string searches nothing."""

from __future__ import annotations

import re

from django.utils import timezone

from nearer.conftest import Person
from nearer.journal.services import entry_create


def test_the_search_form_posts(alice: Person) -> None:
    html = alice.client.get("/journal/search/").content.decode()
    forms = re.findall(r"<form\b[^>]*>", html)
    searching = [f for f in forms if "search" in f or 'action=""' in f or "action" not in f]
    assert searching
    assert all('method="post"' in f for f in searching if "logout" not in f)


def test_a_get_with_words_in_the_url_searches_nothing(alice: Person) -> None:
    entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=timezone.localdate(),
        title="Evening by the sea",
        body="a walk to the lighthouse",
        tags=[],
    )
    response = alice.client.get("/journal/search/?q=lighthouse")
    assert response.status_code == 200
    assert b"Evening by the sea" not in response.content
    found = alice.client.post("/journal/search/", {"q": "lighthouse"}, follow=True)
    assert b"Evening by the sea" in found.content
