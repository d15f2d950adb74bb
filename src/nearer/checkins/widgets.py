"""The check-in's widgets: the one-tap feeling grid, and the older row of scale steps.

Both are Django ``RadioSelect`` subclasses with our own templates
(``checkins/widgets/``), so every name, value and ``checked`` is Django's own and
every value is escaped by its template engine.

``FeelingGrid`` draws the 25 cells of pleasantness × energy as one radio group (one
name, value "pleasantness,energy"): each radio sits in its cell's label, which holds
the quadrant's shape (colour is never the only cue) and the cell's words for screen
readers ("pleasant, high energy"). Without JavaScript the radios behave as any radio
group (Tab into it, arrows step through the cells row by row); nearer.js makes the
arrows move in two dimensions.
"""

from __future__ import annotations

from typing import Any

from django import forms

from nearer.checkins.content import GRID_BY_VALUE


class ScaleRadioSelect(forms.RadioSelect):
    """Five steps of a scale: ``<div class="scale-steps">`` of labelled radios."""

    template_name = "checkins/widgets/scale.html"
    option_template_name = "checkins/widgets/scale_option.html"


class FeelingGrid(forms.RadioSelect):
    """The 5 × 5 grid of ``content.GRID``: ``<div class="feeling-grid">`` of cells."""

    template_name = "checkins/widgets/grid.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        widget = context["widget"]
        cells = []
        for _group, options, _index in widget["optgroups"]:
            for option in options:
                cell = GRID_BY_VALUE[str(option["value"])]
                cells.append(
                    {
                        "value": cell.value,
                        "said": cell.said,
                        "code": cell.code,
                        "strength": cell.strength,
                        "checked": option["selected"],
                        "id": option["attrs"].get("id", ""),
                    }
                )
        widget["cells"] = cells
        # What Django gives every option alike, read once.
        widget["required"] = widget["attrs"].get("required") is True
        widget["invalid"] = widget["attrs"].get("aria-invalid") == "true"
        return context
