"""The moments forms' radio buttons and checkboxes: Django's widgets with our own templates.

Each choice is a pill (a ``<label class="choice">`` holding its real input), so the
groups work without JavaScript, with a keyboard and with a screen reader. The names,
values, ids and attributes (``required`` on required radio groups, ``aria-invalid``
with errors, ``checked``) are Django's own; only the markup around them is ours.
Each template lays its options out in one loop, without a template per option, and
writes the attributes out by name rather than looping over each option's (the
generic loop tripled the time). "Who were you with?" is the one people picker of
every form, ``people.widgets.PeoplePicker``. The attributes every
option shares (``required``, ``aria-invalid``) are read once by ``PillsMixin``;
``test_widgets.py`` checks every input against Django's own widgets.

A field using one of these widgets is drawn by ``moments/_choice_group.html`` (a
fieldset with its legend, help and errors), set as the field's ``template_name``.
"""

from __future__ import annotations

from typing import Any

from django import forms

# The field template every choice group of the moments forms is drawn with.
CHOICE_GROUP = "moments/_choice_group.html"


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
