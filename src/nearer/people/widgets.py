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
- ``PeoplePicker``: every "who" question (a check-in's "Who contributed?", a moment's
  "Who were you with?", a share's "With whom?"): a handful of people, never everyone,
  and a search box. See its docstring; forms using it derive from ``PickerForm``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms.utils import ErrorDict

from nearer.lib.text import fold
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


# How many people the picker shows when nothing is searched: those seen most and lately.
PICKER_FIRST = 8
# How many it shows for a search; more matches ask for more of the name.
PICKER_MATCHES = 20
# The longest search (said beside the box, refused with a message beyond it).
PICKER_QUERY_MAX = 60


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


class PeoplePicker(forms.CheckboxSelectMultiple):
    """A few people as checkboxes, with a search box: never every person.

    Shown, in this order: everyone already chosen (always, ticked); then, with a
    search, up to ``PICKER_MATCHES`` people whose label or name holds the words;
    without one, the first ``PICKER_FIRST`` of ``order`` (the people seen most and
    lately, worked out by the view) and, if ``order`` runs short, the rest in the
    order offered. A line under the box says how many are shown of how many.

    The search box posts the whole form with the button ``<name>_find``: the form
    (a ``PickerForm``) then saves nothing and comes back with the list filtered,
    everything typed kept. That works without JavaScript; nearer.js does the same
    post in the background as one types and swaps in the new list.

    ``offered``: (id, label) of everyone the picker may show (by default the field's
    choices); the field's own choices still decide which ids are accepted.
    """

    template_name = "people/widgets/people_picker.html"
    # The moments forms' choice-group fieldset adds this to its classes.
    group_class = " people-picker-group"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.offered: Sequence[tuple[str, str]] | None = None
        self.order: Sequence[str] = ()
        self.query = ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        # Django's own options would be made for everyone (hundreds); only the shown ones are.
        context: dict[str, Any] = forms.Widget.get_context(self, name, value, attrs)
        widget = context["widget"]
        offered = list(self.offered if self.offered is not None else self.choices)
        labels = {str(key): str(label) for key, label in offered}
        chosen = [key for key in dict.fromkeys(str(v) for v in (value or ())) if key in labels]
        query = " ".join(self.query.split())
        too_long = len(query) > PICKER_QUERY_MAX
        if too_long:
            query = ""
        rest = [key for key in labels if key not in set(chosen)]
        if query:
            words = fold(query).split()
            matches = [
                key for key in self._ranked(rest) if all(w in fold(labels[key]) for w in words)
            ]
            shown = matches[:PICKER_MATCHES]
            if not matches:
                said = f"No one matches \u201c{query}\u201d."
            elif len(matches) > PICKER_MATCHES:
                said = (
                    f"{_people(len(matches))} match \u201c{query}\u201d; here are the first "
                    f"{PICKER_MATCHES}. Type more of the name to find someone else."
                )
            else:
                verb = "matches" if len(matches) == 1 else "match"
                said = f"{_people(len(matches))} {verb} \u201c{query}\u201d."
        else:
            shown = self._ranked(rest)[:PICKER_FIRST]
            said = (
                f"The {len(shown)} you see most and lately, of {_people(len(labels))}. "
                "Search to find anyone else."
                if len(shown) < len(rest)
                else ""
            )
        base = str(widget["attrs"].get("id") or f"id_{name}")
        index = {key: n for n, key in enumerate(labels)}
        widget["options"] = [
            {
                "value": key,
                "label": labels[key],
                "id": f"{base}_{index[key]}",
                "checked": key in chosen,
            }
            for key in [*chosen, *shown]
        ]
        widget.update(
            base_id=base,
            query=self.query[: PICKER_QUERY_MAX * 2] if too_long else query,
            query_max=PICKER_QUERY_MAX,
            too_long=too_long,
            said=said,
            any_people=bool(labels),
        )
        return context

    def _ranked(self, keys: list[str]) -> list[str]:
        """``keys`` with those in ``order`` first (in that order), then the rest as offered."""
        rank = {key: n for n, key in enumerate(self.order)}
        last = len(rank)
        return sorted(keys, key=lambda key: rank.get(key, last))

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        # The fieldset's legend names the group; the search box has its own label.
        return f"{id_}_q" if id_ else id_


class PickerForm(forms.Form):
    """A form with a ``PeoplePicker``: pressing the picker's "Find" saves nothing.

    ``picker_set_up`` hands the picker what it shows; while a search was pressed
    the form is never valid and shows no errors (nothing was meant to be sent yet),
    so every view that saves on ``is_valid()`` simply shows the form again.
    """

    def picker_set_up(
        self,
        name: str,
        *,
        offered: Sequence[tuple[str, str]] | None = None,
        order: Sequence[str] | None = None,
    ) -> None:
        widget = self.fields[name].widget
        if not isinstance(widget, PeoplePicker):
            return
        widget.offered = offered
        widget.order = order or ()
        key = self.add_prefix(name)
        if self.is_bound:
            widget.query = str(self.data.get(f"{key}_q", ""))
            if f"{key}_find" in self.data:
                self.picker_searching = True

    picker_searching = False

    def full_clean(self) -> None:
        super().full_clean()
        if self.picker_searching:
            self._errors = ErrorDict()

    def is_valid(self) -> bool:
        return not self.picker_searching and super().is_valid()
