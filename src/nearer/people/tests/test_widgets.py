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


# --- The people picker ------------------------------------------------------------

from nearer.people.widgets import (  # noqa: E402
    PICKER_FIRST,
    PICKER_MATCHES,
    PICKER_QUERY_MAX,
    PeoplePicker,
    PickerForm,
)

CROWD = [(f"00000000-0000-0000-0000-{n:012d}", f"Person{n:03d} Walker") for n in range(300)]


class _Pick(PickerForm):
    people = forms.MultipleChoiceField(required=False, widget=PeoplePicker)
    note = forms.CharField()

    def __init__(self, *args: object, order: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["people"].choices = CROWD  # type: ignore[attr-defined]
        self.picker_set_up("people", order=order)


def _shown(form: _Pick) -> list[tuple[str, bool]]:
    found = _inputs(str(form["people"]))
    return [(str(i["value"]), "checked" in i) for i in found if i.get("type") == "checkbox"]


def test_the_picker_shows_a_handful_never_everyone() -> None:
    form = _Pick(order=[CROWD[250][0], CROWD[7][0]])
    shown = _shown(form)
    assert len(shown) == PICKER_FIRST == 8
    # Those seen most first, in their order, then the rest as offered.
    assert [key for key, _ in shown[:3]] == [CROWD[250][0], CROWD[7][0], CROWD[0][0]]
    assert "The 8 you see most and lately, of 300 people." in str(form["people"])


def test_the_chosen_stay_first_and_ticked_whatever_is_searched() -> None:
    chosen = [CROWD[123][0], CROWD[299][0]]
    form = _Pick({"people": chosen, "people_q": "Person00", "note": "x"})
    shown = _shown(form)
    assert shown[:2] == [(chosen[0], True), (chosen[1], True)]
    assert [checked for _, checked in shown[2:]] == [False] * (len(shown) - 2)
    assert len(shown) == 2 + 10  # Person000 to Person009


def test_a_search_finds_anyone_by_any_words_case_and_accents_aside() -> None:
    form = _Pick({"people_q": "  person29  WALKER ", "note": "x"})
    assert [key for key, _ in _shown(form)] == [CROWD[n][0] for n in range(290, 300)]
    assert "10 people match \u201cperson29 WALKER\u201d." in str(form["people"])
    form = _Pick({"people_q": "nobody-here-at-all", "note": "x"})
    assert _shown(form) == []
    assert "No one matches" in str(form["people"])


def test_many_matches_show_the_first_twenty_and_ask_for_more() -> None:
    html = str(_Pick({"people_q": "walker", "note": "x"})["people"])
    assert html.count('type="checkbox"') == PICKER_MATCHES
    assert "300 people match \u201cwalker\u201d; here are the first 20." in html


def test_a_too_long_search_is_said_and_shows_the_handful() -> None:
    html = str(_Pick({"people_q": "w" * (PICKER_QUERY_MAX + 1), "note": "x"})["people"])
    assert f"Please search with up to {PICKER_QUERY_MAX} characters." in html
    assert html.count('type="checkbox"') == PICKER_FIRST
    assert f'maxlength="{PICKER_QUERY_MAX}"' in html


def test_find_saves_nothing_and_shows_no_errors() -> None:
    form = _Pick({"people_q": "walker", "people_find": "1"})
    assert not form.is_valid() and not form.errors  # "note" is missing, yet no error shown
    form = _Pick({"people_q": "walker", "note": "x"})
    assert form.is_valid()  # the words in the box alone don't stop a save


def test_the_picker_escapes_names_and_searches_them_as_text() -> None:
    class _Odd(PickerForm):
        people = forms.MultipleChoiceField(required=False, widget=PeoplePicker)

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.fields["people"].choices = [("a", '<img src=x onerror="1">Ann')]  # type: ignore[attr-defined]
            self.picker_set_up("people")

    html = str(_Odd({"people_q": "<img"})["people"])
    assert "<img" not in html and "&lt;img src=x onerror=&quot;1&quot;&gt;Ann" in html
    assert "1 person matches \u201c&lt;img\u201d." in html
