"""The scales are found from the check-ins, and lead back to them."""

from __future__ import annotations

import pytest

from nearer.conftest import Person


@pytest.mark.parametrize("address", ["/checkins/", "/checkins/calendar/"])
def test_the_check_ins_link_to_the_scales_and_their_trends(alice: Person, address: str) -> None:
    html = alice.client.get(address, follow=True).content.decode()
    assert '<a href="/scales/">Well-being scales</a>' in html
    assert '<a href="/scales/trends/">Scale trends</a>' in html


@pytest.mark.parametrize("address", ["/scales/", "/scales/trends/", "/scales/schedule/"])
def test_the_scales_link_back_to_the_check_ins(alice: Person, address: str) -> None:
    html = alice.client.get(address).content.decode()
    nav = html[html.index('aria-label="Well-being scales"') :]
    assert '<a href="/checkins/">Check-ins</a>' in nav[: nav.index("</nav>")]
