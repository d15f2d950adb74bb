"""The choice groups built in Python hold exactly the inputs Django's widgets render."""

from __future__ import annotations

from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from nearer.moments.forms import MomentForm
from nearer.moments.rows import choice_group, people_picker
from nearer.people.index import PersonSummary

PEOPLE = [("11111111-1111-1111-1111-111111111111", "Ana <b>"),
          ("22222222-2222-2222-2222-222222222222", "Ben & co"),
          ("33333333-3333-3333-3333-333333333333", "Cleo \"C\"")]
CIRCLE = {PEOPLE[0][0]: "inner", PEOPLE[1][0]: "wider", PEOPLE[2][0]: "close"}


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[tuple[tuple[str, str | None], ...]] = []
        self.labels: list[str] = []
        self._in_label = 0
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self.inputs.append(tuple(sorted(attrs)))
        elif tag == "label":
            self._in_label += 1
            self._text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._in_label -= 1
            self.labels.append(self._text.strip())

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self._text += data


def _parsed(html: str) -> tuple[list[tuple[tuple[str, str | None], ...]], list[str]]:
    parser = _Inputs()
    parser.feed(html)
    return sorted(parser.inputs), sorted(parser.labels)


def _django(field) -> str:  # type: ignore[no-untyped-def]
    # As the template did: the tag as Django renders it, the label autoescaped.
    return "".join(f"<label>{choice.tag()}{escape(str(choice.choice_label))}</label>"
                   for choice in field)


FORMS = [
    {"initial": {}},
    {"initial": {"people": [PEOPLE[1][0]], "how": "call", "kinds": ["emotional"],
                 "closeness": "4", "opened_up": "both"}},
    {"data": {"people": [PEOPLE[0][0], PEOPLE[2][0]], "how": "nonsense", "closeness": "9"}},
    {"data": {"how": "video", "occurred_on": "2026-05-14", "kinds": ["emotional", "x"]}},
]


@pytest.mark.parametrize("kwargs", FORMS)
def test_every_group_has_djangos_inputs_and_labels(kwargs: dict) -> None:  # type: ignore[type-arg]
    form = MomentForm(kwargs.get("data"), initial=kwargs.get("initial"),
                      today=date(2026, 11, 26), people=PEOPLE)
    form.is_valid()
    people = {pid: PersonSummary(pid, name, "", CIRCLE[pid], "friend", "", None, None, False)
              for pid, name in PEOPLE}
    for name in ("people", "how", "kinds", "closeness", "opened_up"):
        field = form[name]
        ours = people_picker(field, people) if name == "people" else choice_group(field)
        assert _parsed(ours) == _parsed(_django(field)), name
        assert ("field-invalid" in ours) == bool(field.errors)
        assert "<b>" not in ours


def test_the_wider_circle_folds_away_unless_someone_in_it_is_ticked() -> None:
    people = {pid: PersonSummary(pid, name, "", CIRCLE[pid], "friend", "", None, None, False)
              for pid, name in PEOPLE}
    form = MomentForm(None, today=date(2026, 11, 26), people=PEOPLE)
    html = people_picker(form["people"], people)
    assert '<details class="people-fold"><summary>Wider circle' in html
    assert html.index("Inner circle") < html.index("Close") < html.index("Wider circle")
    form = MomentForm(None, initial={"people": [PEOPLE[1][0]]}, today=date(2026, 11, 26),
                      people=PEOPLE)
    assert '<details class="people-fold" open>' in people_picker(form["people"], people)
    only_wider = {PEOPLE[1][0]: people[PEOPLE[1][0]]}
    form = MomentForm(None, today=date(2026, 11, 26), people=PEOPLE[1:2])
    assert "<details" not in people_picker(form["people"], only_wider)
