"""The people pages' radio buttons: Django's RadioSelect with our own small templates.

The names, values, ids and ``checked`` are Django's own; only the markup around
them is ours. Each template lays its options out in one loop, without a template
per option.

- ``ImportOptions``: the import preview's choices, each option a
  ``<label class="import-option">`` holding its real input.
- ``ClosenessPictures``: the closeness picker's seven pairs of circles (with
  Django's ``required`` and ``aria-invalid``, the form itself being novalidate), each option
  an ``.ios-option`` with a hidden ``.ios-radio`` followed by its ``.ios-label``
  (nearer.css styles the label through ``.ios-radio:checked + .ios-label``, so the
  input must come right before its label, not inside it).
"""

from __future__ import annotations

from typing import Any

from django import forms

from nearer.people.closeness import CHOICES
from nearer.people.content import CLOSENESS_MAX

# Each picture's choice by its radio value, worked out once.
_BY_VALUE = {str(choice.value): choice for choice in CHOICES}


class ImportOptions(forms.RadioSelect):
    """A row of radio buttons in ``<div class="import-options">``."""

    template_name = "people/widgets/import_options.html"


class ClosenessPictures(forms.RadioSelect):
    """The seven closeness pictures in ``<div class="ios-options">``: each radio's
    label is its picture (``people.closeness.ios_svg``), number and words."""

    template_name = "people/widgets/closeness_pictures.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                choice = _BY_VALUE[str(option["value"])]
                option["picture"] = choice.picture
                option["words"] = choice.words
        widget = context["widget"]
        widget["most"] = CLOSENESS_MAX
        # What Django gives every option alike, read once (the names have hyphens).
        widget["required"] = widget["attrs"].get("required") is True
        widget["invalid"] = widget["attrs"].get("aria-invalid") == "true"
        return context
