"""Our quiet illustrations: on the empty journal, people and moments pages, hidden from
screen readers (the words beside them say it all), drawn in the palette's colours."""

from __future__ import annotations

import re

import pytest

from nearer.conftest import Person


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("/journal/", "Nothing written in"),
        ("/people/", "The people who matter to you will be here"),
        ("/moments/", "No moments yet."),
        ("/", "Nothing here yet. Whatever you write is sealed"),
    ],
)
def test_an_empty_page_shows_an_illustration_beside_its_words(
    alice: Person, address: str, words: str
) -> None:
    html = alice.client.get(address, follow=True).content.decode()
    empty = html[html.index('<div class="card empty-state">') :]
    empty = empty[: empty.index("</div>")]
    assert words in empty
    (svg,) = re.findall(r"<svg class=\"illustration\"[^>]*>", empty)
    assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg
    # Colours come from the style sheet (currentColor and classes), so dark mode holds.
    assert "#" not in empty[empty.index("<svg") : empty.index("</svg>")]
