"""The page "What opening up did": its three parts from the person's own data."""

from __future__ import annotations

import re
from datetime import date
from uuid import UUID

import pytest
from django.test import Client

from nearer.conftest import Person
from nearer.decks.depth import depth_session_ended
from nearer.moments.services import moment_create
from nearer.opening.services import share_reflect
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db

URL = "/opening-up/summary/"


def _reflect(owner: Person, share_id: UUID, after: int, reciprocated: str = "no") -> None:
    share_reflect(
        user=owner.user,
        vault=owner.vault,
        share_id=share_id,
        reception=["listened"],
        reception_note="",
        anxiety_after=after,
        closeness_after=None,
        reciprocated=reciprocated,
        today=date(2025, 6, 1),
    )


def _page(owner: Person) -> str:
    response = owner.client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_it_needs_a_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_with_nothing_yet_it_says_what_is_needed(alice: Person) -> None:
    page = _page(alice)
    assert "Nothing to compare yet" in page
    assert "you can say who opened up" in page
    assert '<svg class="chart"' not in page  # no chart (the layout has icons)


def test_reflected_shares_give_the_sentence_the_table_and_who_opened_up(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Annelieselotte")
    for day, before, after in ((date(2025, 3, 1), 8, 3), (date(2025, 4, 2), 6, 6)):
        share = add_share(alice, [ana], anxiety_before=before, shared_on=day)
        _reflect(alice, share.id, after, reciprocated="yes")
    add_share(alice, [ana], anxiety_before=9, shared_on=date(2025, 5, 1))  # not reflected
    page = _page(alice)
    assert "In 1 of 2 shares you felt calmer afterwards than you feared." in page
    assert "Of the others, 1 felt the same." in page
    table = page[page.index('id="felt-table"') : page.index("</table>", page.index("felt-table"))]
    rows = re.findall(
        r"<tr><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td>([^<]+)</td></tr>", table
    )
    assert rows == [("1 Mar 2025", "8", "3", "Calmer"), ("2 Apr 2025", "6", "6", "The same")]
    assert 'id="felt-chart-title"' in page
    # Each shared share made a moment: two reciprocated ("we both did"), one not ("I did").
    assert "<h3>Annelieselotte</h3>" in page
    everyone = page[page.index('id="recip-all-table"') :]
    assert '<tr><th scope="row">All</th><td>1</td><td>0</td><td>2</td><td>0</td></tr>' in everyone
    # Nothing of alice's reaches someone else.
    assert "Annelieselotte" not in _page(charlie)


def test_moments_logged_by_hand_count_in_who_opened_up(
    alice: Person, add_person: AddPerson
) -> None:
    ben = add_person(alice, name="Bertramovich")
    for opened_up in ("me", "them", "them"):
        moment_create(
            user=alice.user,
            vault=alice.vault,
            occurred_on=date(2025, 2, 3),
            person_ids=[ben.id],
            how="call",
            opened_up=opened_up,
        )
    page = _page(alice)
    assert "From the 3 moments where you noted who opened up, by quarter." in page
    assert '<th scope="row">Q1 2025</th><td>1</td><td>2</td><td>0</td><td>0</td>' in page


def test_the_deepest_card_of_each_person_is_shown(alice: Person, add_person: AddPerson) -> None:
    ana, ben = add_person(alice, name="Annelieselotte"), add_person(alice, name="Bartimaeusz")
    # As the session services count an ended session, in their transaction.
    for person, deepest in ((ana, 2), (ana, 3), (ben, 1)):
        depth_session_ended(
            user=alice.user, vault=alice.vault, person_id=person.id, deepest=deepest
        )
    page = _page(alice)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>([^<]+)</td></tr>', page)
    assert rows == [
        ("Annelieselotte", "Deep (depth 3 of 3)"),
        ("Bartimaeusz", "Light (depth 1 of 3)"),
    ]


def _everyone_else(page: str) -> list[str]:
    table = page[
        page.index('id="everyone-else"') : page.index("</details>", page.index("everyone"))
    ]
    return re.findall(r'<tr><th scope="row">(Quietperson \d+)</th>', table)


def test_everyone_else_is_shown_thirty_at_a_time_most_moments_first(
    alice: Person, add_person: AddPerson
) -> None:
    # 5 people with a chart and 32 more: person n has n + 1 moments where they opened up.
    for number in range(37):
        person = add_person(alice, name=f"Quietperson {number:02d}")
        for _ in range(number + 1):
            moment_create(
                user=alice.user,
                vault=alice.vault,
                occurred_on=date(2025, 2, 3),
                person_ids=[person.id],
                how="call",
                opened_up="them",
            )
    first = _page(alice)
    assert "Everyone else (32)" in first and "30 at a time: 1–30 of 32." in first
    assert _everyone_else(first) == [f"Quietperson {n:02d}" for n in range(31, 1, -1)]
    assert 'href="?others=2#everyone-else">Next page</a>' in first and "Previous page" not in first
    second = alice.client.get(URL, {"others": "2"}).content.decode()
    assert '<details id="everyone-else" open>' in second
    assert _everyone_else(second) == ["Quietperson 01", "Quietperson 00"]
    assert "31–32 of 32." in second and 'href="?others=1#everyone-else">Previous page</a>' in second
    # Anything else asked for is the first or the last page, never an error.
    assert _everyone_else(alice.client.get(URL, {"others": "<b>"}).content.decode()) == (
        _everyone_else(first)
    )
    assert _everyone_else(alice.client.get(URL, {"others": "99"}).content.decode()) == (
        _everyone_else(second)
    )
