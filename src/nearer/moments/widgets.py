"""The moments forms' radio buttons and checkboxes: Django's widgets with our own templates.

Each choice is a pill (a ``<label class="choice">`` holding its real input), so the
groups work without JavaScript, with a keyboard and with a screen reader. The names,
values, ids and attributes (``required`` on required radio groups, ``aria-invalid``
with errors, ``checked``) are Django's own; only the markup around them is ours.
Each template lays its options out in one loop, without a template per option, and
writes the attributes out by name rather than looping over each option's (the
generic loop tripled the time); the people picker, hundreds of options, draws
them through ``nearer.lib.html``. The attributes every
option shares (``required``, ``aria-invalid``) are read once by ``PillsMixin``;
``test_widgets.py`` checks every input against Django's own widgets.

A field using one of these widgets is drawn by ``moments/_choice_group.html`` (a
fieldset with its legend, help and errors), set as the field's ``template_name``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms

from nearer.lib.html import EMPTY, Markup, html, join
from nearer.people.content import CIRCLES

# The field template every choice group of the moments forms is drawn with.
CHOICE_GROUP = "moments/_choice_group.html"
# Circles folded into a <details> on the people picker when closer ones are listed too.
FOLDED_CIRCLES = frozenset({"wider"})


class PillsMixin:
    """Adds ``widget.required`` and ``widget.invalid`` to the context: the attributes
    Django gives every option of the group alike."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
        shared = context["widget"]["attrs"]
        context["widget"]["required"] = shared.get("required") is True
        context["widget"]["invalid"] = shared.get("aria-invalid") == "true"
        return context


class ChoicePills(PillsMixin, forms.RadioSelect):
    """Radio buttons as pills; ``group_class`` is added to the fieldset's classes."""

    template_name = "moments/widgets/choices.html"
    group_class = ""


class BigChoicePills(ChoicePills):
    """Radio buttons as big pills, for the one question every moment answers."""

    group_class = " choices-big"


class CheckboxPills(PillsMixin, forms.CheckboxSelectMultiple):
    """Checkboxes as pills."""

    template_name = "moments/widgets/choices.html"
    group_class = ""


class PeoplePicker(PillsMixin, forms.CheckboxSelectMultiple):
    """ "Who were you with?": a checkbox per person, in a fieldset per circle.

    ``circle_of`` maps each person's id to their circle (anyone unknown counts as
    close). The wider circle folds into a ``<details>`` when closer circles are
    listed too (open when someone in it is ticked), so a phone page stays short.

    Django works out every option (name, value, id, ticked); the template draws the
    circles. The options themselves, hundreds of them, are drawn through
    ``nearer.lib.html`` like the long lists: through the template engine they cost
    about 15 µs each (5 ms for 300 people, twenty times the rest of the picker).
    """

    template_name = "moments/widgets/people_picker.html"
    group_class = " people-picker"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.circle_of: Mapping[str, str] = {}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        shared = join(
            [
                html(" required") if widget["required"] else EMPTY,
                html(' aria-invalid="true"') if widget["invalid"] else EMPTY,
            ]
        )
        checked = join([shared, html(" checked")])
        groups: dict[str, list[Markup]] = {key: [] for key, _ in CIRCLES}
        ticked: set[str] = set()
        for _group, options, _index in widget["optgroups"]:
            for option in options:
                circle = self.circle_of.get(str(option["value"]), "close")
                if circle not in groups:
                    circle = "close"
                selected = option["selected"]
                if selected:
                    ticked.add(circle)
                option_id = option["attrs"].get("id", "")
                groups[circle].append(
                    html(
                        '<label class="choice" for="{}"><input type="{}" name="{}" value="{}" '
                        'id="{}"{}><span>{}</span></label>',
                        option_id,
                        option["type"],
                        option["name"],
                        str(option["value"]),
                        option_id,
                        checked if selected else shared,
                        str(option["label"]),
                    )
                )
        closer = any(options for key, options in groups.items() if key not in FOLDED_CIRCLES)
        widget["circles"] = [
            {
                "label": label,
                "count": len(groups[key]),
                "options": join(groups[key]),
                "folded": key in FOLDED_CIRCLES and closer,
                "open": key in ticked,
            }
            for key, label in CIRCLES
            if groups[key]
        ]
        return context
