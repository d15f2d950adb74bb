"""The check-in's scales as a Django widget: a row of real radios, each inside its label.

Django's own ``RadioSelect`` nests every radio in a ``<div>`` and gives it an id;
the scales are styled as a row of tappable steps (``.scale-steps`` in nearer.css),
so this subclass only swaps in our two templates (``checkins/widgets/``). Django
renders them, so every value is escaped by its template engine.
"""

from __future__ import annotations

from django import forms


class ScaleRadioSelect(forms.RadioSelect):
    """Five steps of a scale: ``<div class="scale-steps">`` of labelled radios."""

    template_name = "checkins/widgets/scale.html"
    option_template_name = "checkins/widgets/scale_option.html"
