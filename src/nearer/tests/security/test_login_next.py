"""Security: whatever ``?next=`` holds, the login page answers and the login goes on.

A next value is followed only when it is a path on this site ("/..."); anything else
(a word, an emoji, bytes that are not UTF-8, a NUL, another host) is ignored and the
person lands on Today.
"""

from __future__ import annotations

import pytest
from django.test import Client

from nearer.conftest import Person

# Raw query strings, as a browser or an attacker would send them.
NOT_PATHS = [
    "welcome",
    "%F0%9F%8C%BB",  # an emoji
    "%ff",  # not UTF-8
    "%00",
    "/journal/%00",
    "%0d%0aSet-Cookie:%20x=1",
    "javascript:alert(1)",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "today:index",
    "journal:index",
]


@pytest.mark.parametrize("raw", NOT_PATHS)
def test_the_login_page_opens_whatever_next_holds(db: None, raw: str) -> None:
    response = Client().get(f"/accounts/login/?next={raw}")
    assert response.status_code == 200
    assert b'name="next"' not in response.content


@pytest.mark.parametrize("raw", NOT_PATHS)
def test_the_login_goes_on_to_today_whatever_next_holds(alice: Person, raw: str) -> None:
    client = Client()
    response = client.post(
        f"/accounts/login/?next={raw}",
        f"username=alice&password={alice.password}&next={raw}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)


@pytest.mark.parametrize("raw", NOT_PATHS)
def test_a_logged_in_visit_goes_on_to_today_whatever_next_holds(alice: Person, raw: str) -> None:
    response = alice.client.get(f"/accounts/login/?next={raw}")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_local_path_is_kept_in_the_form_and_followed(alice: Person) -> None:
    page = Client().get("/accounts/login/?next=/journal/")
    assert b'name="next" value="/journal/"' in page.content
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": alice.password, "next": "/journal/"}
    )
    assert response["Location"] == "/journal/"
