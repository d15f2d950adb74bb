"""The scales page: every scale, when it was last taken, the latest results."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.scales.tests.helpers import take


def test_it_lists_the_scales_and_latest_results(alice: Person) -> None:
    take(alice, "ucla3", [1, 1, 2])
    html = alice.client.get("/scales/").content.decode()
    for name in ("WHO-5 Well-Being Index", "PSS-4", "Three-Item Loneliness Scale"):
        assert name in html
    # The range starts at 3, so "4 of 9" would read as far higher than it is.
    assert "UCLA 3-item: 4 (range 3–9)" in html
    assert "4 of 9" not in html
    assert "Not taken yet." in html
