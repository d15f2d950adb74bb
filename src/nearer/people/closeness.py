"""The Inclusion of Other in the Self picker: seven pairs of circles, drawn here.

After Aron, Aron & Smollan (1992): one circle is the person ("me"), the other
someone in their life ("them"); the pictures go from barely touching (1) to
almost fully overlapping (7). The drawings are our own. Each picture is
decoration for its radio button, whose label says the same thing in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from nearer.lib.html import Markup, html
from nearer.people.content import CLOSENESS_MAX, CLOSENESS_MIN
from nearer.people.days import CLOSENESS_WORDS

RADIUS = 20
# Distance between the centres, from touching (twice the radius) to nearly one.
_DISTANCES = {1: 40, 2: 33, 3: 26, 4: 20, 5: 14, 6: 9, 7: 4}


def ios_svg(value: int) -> Markup:
    """Return the picture for ``value`` (1–7), hidden from screen readers."""
    distance = _DISTANCES[value]
    me, them = 50 - distance / 2, 50 + distance / 2
    return html(
        '<svg class="ios-picture" viewBox="0 0 100 50" aria-hidden="true" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<circle class="ios-me" cx="{}" cy="25" r="{}"/>'
        '<circle class="ios-them" cx="{}" cy="25" r="{}"/>'
        "</svg>",
        f"{me:g}",
        str(RADIUS),
        f"{them:g}",
        str(RADIUS),
    )


@dataclass(frozen=True, slots=True)
class Choice:
    value: int
    words: str
    picture: Markup


CHOICES: tuple[Choice, ...] = tuple(
    Choice(value, CLOSENESS_WORDS[value], ios_svg(value))
    for value in range(CLOSENESS_MIN, CLOSENESS_MAX + 1)
)
