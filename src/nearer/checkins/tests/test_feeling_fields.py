"""checkins.rows.feeling_fields and the grid widget: 25 real radios, one chosen, errors."""

from __future__ import annotations

import re

from nearer.checkins.content import GRID
from nearer.checkins.forms import CheckInForm, FeelingForm
from nearer.checkins.rows import feeling_fields
from nearer.checkins.widgets import FeelingGrid, ScaleRadioSelect
from nearer.lib.html import Markup

CELL = re.compile(
    r'<label class="grid-cell grid-(\w+) grid-s(\d)"><input type="radio" name="feeling" '
    r'value="(-?\d,-?\d)"( required)?( checked)?><span class="grid-mark" aria-hidden="true">'
    r'</span><span class="visually-hidden">([^<]+)</span></label>'
)


def test_the_grid_is_one_fieldset_of_25_named_radios_in_reading_order() -> None:
    html = feeling_fields()
    assert isinstance(html, Markup)
    assert html.startswith('<fieldset class="feeling" aria-describedby="feeling-help">')
    cells = CELL.findall(html)
    assert [value for _, _, value, _, _, _ in cells] == [cell.value for cell in GRID]
    # Top row: very high energy, from very unpleasant to very pleasant.
    assert [said for *_, said in cells[:5]] == [
        "very unpleasant, very high energy",
        "unpleasant, very high energy",
        "neutral, very high energy",
        "pleasant, very high energy",
        "very pleasant, very high energy",
    ]
    assert cells[12][5] == "neutral, medium energy" and cells[12][0] == "mid"
    assert cells[8][5] == "pleasant, high energy" and cells[8][0] == "hp"
    assert [code for code, *_ in cells[20:]] == ["lu", "lu", "mid", "lp", "lp"]
    assert all(required for _, _, _, required, _, _ in cells), "every radio is required"
    assert "id=" not in html.replace('id="feeling-help"', ""), "each radio sits in its label"


def test_the_chosen_cell_is_checked_and_no_other() -> None:
    cells = CELL.findall(feeling_fields(-1, 2))
    assert [value for _, _, value, _, checked, _ in cells if checked] == ["-1,2"]
    assert not [c for c in CELL.findall(feeling_fields()) if c[4]]
    assert "Unpleasant, very high energy" in feeling_fields(-1, 2)  # said under the grid


def test_an_error_is_shown_in_the_fieldset_escaped_and_described() -> None:
    html = feeling_fields(None, None, 'Choose <b>"one"</b> & go')
    assert html.startswith(
        '<fieldset class="feeling field-invalid" aria-describedby="feeling-help feeling-error">'
    )
    assert (
        '<p class="errors" id="feeling-error">Choose &lt;b&gt;&#34;one&#34;&lt;/b&gt; &amp; go</p>'
        in html
    )
    assert not [c for c in CELL.findall(html) if c[4]]


def test_the_forms_draw_their_cells_and_scales_with_their_widgets() -> None:
    assert isinstance(FeelingForm.base_fields["feeling"].widget, FeelingGrid)
    for name in ("pleasantness", "energy"):
        assert isinstance(CheckInForm.base_fields[name].widget, ScaleRadioSelect)


def test_the_scale_widget_alone_escapes_the_words_of_its_steps() -> None:
    widget = ScaleRadioSelect(choices=[("1", "<i>odd</i> & 'quoted'")])
    html = widget.render("mood", "1", attrs={"required": True})
    assert html == (
        '<div class="scale-steps"><label class="scale-step"><input type="radio" name="mood"'
        ' value="1" required checked><span>&lt;i&gt;odd&lt;/i&gt; &amp; &#x27;quoted&#x27;'
        "</span></label></div>"
    )
