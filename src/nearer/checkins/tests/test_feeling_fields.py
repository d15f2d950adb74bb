"""checkins.rows.feeling_fields and the scale widget: real radios, chosen steps, errors."""

from __future__ import annotations

import re

from nearer.checkins.content import ENERGY, PLEASANTNESS
from nearer.checkins.forms import CheckInForm, FeelingForm
from nearer.checkins.rows import feeling_fields
from nearer.checkins.widgets import ScaleRadioSelect
from nearer.lib.html import Markup

STEP = re.compile(
    r'<label class="scale-step"><input type="radio" name="(\w+)" value="(-?\d)"'
    r"( required)?( checked)?><span>([^<]+)</span></label>"
)


def test_each_scale_is_a_fieldset_of_five_labelled_radios_in_order() -> None:
    html = feeling_fields()
    assert isinstance(html, Markup)
    assert html.startswith(
        '<fieldset class="scale"><legend>How pleasant do you feel?</legend>'
        '<div class="scale-steps"><label class="scale-step">'
    )
    steps = STEP.findall(html)
    assert [(name, int(value), words) for name, value, _, _, words in steps] == [
        *(("pleasantness", value, words) for value, words in PLEASANTNESS),
        *(("energy", value, words) for value, words in ENERGY),
    ]
    assert all(required for _, _, required, _, _ in steps), "every radio is required"
    assert "id=" not in html, "no ids: each radio sits inside its own label"
    assert html.count("</fieldset>") == 2


def test_the_chosen_steps_are_checked_and_no_others() -> None:
    steps = STEP.findall(feeling_fields(-1, 2))
    checked = [(name, value) for name, value, _, checked, _ in steps if checked]
    assert checked == [("pleasantness", "-1"), ("energy", "2")]
    assert not [s for s in STEP.findall(feeling_fields()) if s[3]]


def test_an_error_is_shown_in_its_fieldset_escaped_and_described() -> None:
    html = feeling_fields(None, 1, {"pleasantness": 'Choose <b>"one"</b> & go'})
    assert (
        '<fieldset class="scale field-invalid" aria-describedby="pleasantness-error">'
        '<legend>How pleasant do you feel?</legend><p class="errors" id="pleasantness-error">'
        'Choose &lt;b&gt;&#34;one&#34;&lt;/b&gt; &amp; go</p><div class="scale-steps">'
    ) in html
    assert '<fieldset class="scale"><legend>How much energy do you have?</legend>' in html
    assert [s[:2] for s in STEP.findall(html) if s[3]] == [("energy", "1")]


def test_the_forms_draw_their_scales_with_the_scale_widget() -> None:
    for form in (FeelingForm, CheckInForm):
        for name in ("pleasantness", "energy"):
            assert isinstance(form.base_fields[name].widget, ScaleRadioSelect)


def test_the_widget_alone_escapes_the_words_of_its_steps() -> None:
    widget = ScaleRadioSelect(choices=[("1", "<i>odd</i> & 'quoted'")])
    html = widget.render("mood", "1", attrs={"required": True})
    assert html == (
        '<div class="scale-steps"><label class="scale-step"><input type="radio" name="mood"'
        ' value="1" required checked><span>&lt;i&gt;odd&lt;/i&gt; &amp; &#x27;quoted&#x27;'
        "</span></label></div>"
    )
