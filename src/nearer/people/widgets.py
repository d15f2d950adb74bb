"""The import preview's radio buttons: Django's RadioSelect with our own small template.

Each option is a ``<label class="import-option">`` holding its real input, as the
preview's other choices are; the names, values and ``checked`` are Django's own.
The template lays the options out in one loop, without a template per option.
"""

from __future__ import annotations

from django import forms


class ImportOptions(forms.RadioSelect):
    """A row of radio buttons in ``<div class="import-options">``."""

    template_name = "people/widgets/import_options.html"
