"""The moments forms' pill widgets hold exactly the inputs Django's own widgets render."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from django import forms
from django.forms import BoundField

from nearer.moments.forms import MomentForm
from nearer.people.widgets import PeoplePicker

PEOPLE = [
    ("11111111-1111-1111-1111-111111111111", "Ana <b>"),
    ("22222222-2222-2222-2222-222222222222", "Ben & co"),
    ("33333333-3333-3333-3333-333333333333", 'Cleo "C"'),
]
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


def _django(field: BoundField) -> str:
    # The same field through Django's own widget of the kind ours subclasses.
    ours = field.field.widget
    kind = (
        forms.CheckboxSelectMultiple
        if isinstance(ours, forms.CheckboxSelectMultiple)
        else forms.RadioSelect
    )
    widget = kind(choices=ours.choices)
    return field.as_widget(widget=widget)


FORMS = [
    {"initial": {}},
    {
        "initial": {
            "people": [PEOPLE[1][0]],
            "how": "call",
            "kinds": ["emotional"],
            "closeness": "4",
            "opened_up": "both",
        }
    },
    {"data": {"people": [PEOPLE[0][0], PEOPLE[2][0]], "how": "nonsense", "closeness": "9"}},
    {"data": {"how": "video", "occurred_on": "2026-05-14", "kinds": ["emotional", "x"]}},
]


@pytest.mark.parametrize("kwargs", FORMS)
def test_every_group_has_djangos_inputs_and_labels(kwargs: dict) -> None:  # type: ignore[type-arg]
    form = MomentForm(
        kwargs.get("data"),
        initial=kwargs.get("initial"),
        today=date(2026, 11, 26),
        people=PEOPLE,
        circles=CIRCLE,
    )
    form.is_valid()
    # "people" is the one people picker of every form: people/tests/test_widgets.py.
    for name in ("how", "kinds", "closeness", "opened_up"):
        field = form[name]
        ours = field.as_field_group()
        inputs, labels = _parsed(ours)
        assert (inputs, labels) == _parsed(_django(field)), name
        assert len(inputs) == len(field.field.choices), name  # type: ignore[attr-defined]
        assert ("field-invalid" in ours) == bool(field.errors)
        assert "<b>" not in ours and "&lt;b&gt;" in form["people"].as_field_group()


def test_who_were_you_with_is_the_people_picker_in_its_fieldset() -> None:
    form = MomentForm(
        None,
        initial={"people": [PEOPLE[1][0]]},
        today=date(2026, 11, 26),
        people=PEOPLE,
        order=[PEOPLE[2][0]],
    )
    assert isinstance(form.fields["people"].widget, PeoplePicker)
    html = form["people"].as_field_group()
    assert html.startswith('<fieldset class="choice-group people-picker-group">')
    assert "<legend>Who were you with?</legend>" in html
    # The chosen one first and ticked, then the one seen most, then the rest.
    assert (
        html.index("Ben &amp; co") < html.index("Cleo &quot;C&quot;") < html.index("Ana &lt;b&gt;")
    )
    assert html.count(" checked") == 1 and 'name="people_find"' in html


def test_the_legend_help_and_errors_frame_each_group() -> None:
    form = MomentForm({"how": "nonsense"}, today=date(2026, 11, 26), people=PEOPLE, circles=CIRCLE)
    form.is_valid()
    html = form["how"].as_field_group()
    assert html.startswith(
        '<fieldset class="choice-group choices-big field-invalid" '
        'aria-describedby="id_how_error"><legend>How?</legend>'
    )
    errors = '<div class="errors" id="id_how_error"><p>Choose how you were together.</p></div>'
    assert errors in html
    assert html.count('aria-invalid="true"') == html.count("<input")
    assert html.count(" required") == html.count("<input")
