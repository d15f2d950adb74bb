"""The people pages' radio widgets hold exactly the inputs Django's own RadioSelect
renders, in the markup the People section of nearer.css styles."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django import forms
from django.utils.html import escape

from nearer.people.closeness import CHOICES
from nearer.people.content import CIRCLES, RELATIONSHIPS
from nearer.people.days import CLOSENESS_WORDS
from nearer.people.forms import ClosenessForm, ImportChoicesForm
from nearer.people.imports import DEFAULT_CIRCLE, DEFAULT_RELATIONSHIP
from nearer.people.widgets import ClosenessPictures, ImportOptions


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self.inputs.append(dict(attrs))


def _inputs(html: str, *, drop: tuple[str, ...] = ()) -> list[dict[str, str | None]]:
    parser = _Inputs()
    parser.feed(html)
    return [{k: v for k, v in found.items() if k not in drop} for found in parser.inputs]


def _closeness(data: dict[str, str] | None) -> tuple[str, str]:
    """The closeness field through our widget and through Django's own RadioSelect."""
    ours = ClosenessForm(data, auto_id="ios-%s")
    django = ClosenessForm(data, auto_id="ios-%s")
    field = django.fields["value"]
    field.widget = forms.RadioSelect(choices=list(field.widget.choices))
    return str(ours["value"]), str(django["value"])


def test_the_closeness_form_draws_its_pictures_with_our_widget() -> None:
    assert isinstance(ClosenessForm().fields["value"].widget, ClosenessPictures)


def test_the_closeness_pictures_hold_djangos_own_inputs() -> None:
    for data in (None, {"value": "4"}, {"value": "x"}):
        ours, django = _closeness(data)
        assert _inputs(ours, drop=("class",)) == _inputs(django)
        assert all(found["class"] == "ios-radio" for found in _inputs(ours))
    ours, _ = _closeness({"value": "4"})
    checked = [found["value"] for found in _inputs(ours) if "checked" in found]
    assert checked == ["4"]


def test_each_radio_comes_right_before_its_picture_number_and_words() -> None:
    # nearer.css (People) styles the label as ``.ios-radio:checked + .ios-label``.
    ours, _ = _closeness(None)
    options = re.findall(
        r'<div class="ios-option">\s*<input class="ios-radio" type="radio" name="value" '
        r'id="(ios-value_\d)" value="(\d)" required>\s*<label class="ios-label" for="([^"]+)">'
        r'(<svg .*?</svg>)<span class="ios-caption"><span class="ios-number">(\d)</span>'
        r'<span class="visually-hidden"> of 7:</span> ([^<]+)</span></label>\s*</div>',
        ours,
    )
    assert len(options) == len(CHOICES) == 7
    for choice, (input_id, value, label_for, picture, number, words) in zip(
        CHOICES, options, strict=True
    ):
        assert input_id == label_for
        assert value == number == str(choice.value)
        assert picture == str(choice.picture)
        assert words == CLOSENESS_WORDS[choice.value]
    assert ours.startswith('<div class="ios-options">') and ours.rstrip().endswith("</div>")


def test_the_import_choices_are_the_radios_the_preview_wrote_by_hand() -> None:
    form = ImportChoicesForm(auto_id=False)
    expected = {
        "circle": (CIRCLES, DEFAULT_CIRCLE),
        "relationship": (RELATIONSHIPS, DEFAULT_RELATIONSHIP),
        "all": (
            (
                ("each", "Decide one by one below"),
                ("skip", "Skip them all"),
                ("merge", "Merge them all"),
            ),
            "each",
        ),
    }
    for name, (choices, chosen) in expected.items():
        drawn = str(form[name])
        assert isinstance(form.fields[name].widget, ImportOptions)
        assert drawn == (
            '<div class="import-options">'
            + "".join(
                f'<label class="import-option"><input type="radio" name="{name}" '
                f'value="{key}"{" checked" if key == chosen else ""}> {escape(label)}</label>'
                for key, label in choices
            )
            + "</div>"
        )
