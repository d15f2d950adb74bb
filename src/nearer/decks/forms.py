"""Forms of the draw pages: the filter (theme and depth) and the opt-in themes."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from nearer.decks.catalogue import DEPTHS, OPT_IN_THEMES, THEME_LABELS, THEMES

ANY = ""
DEPTH_CHOICES: list[tuple[str, str]] = [
    (ANY, "Any depth"),
    *((str(value), f"{value} · {words}") for value, words in DEPTHS),
]


class DrawFilterForm(forms.Form):
    """Which cards to draw from: a theme (or any) and a depth (or any).

    Read from the query of the draw pages and from the draw's POST. An opt-in
    theme is offered only when the person turned it on.
    """

    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        error_messages={"invalid_choice": "Please choose one of the themes offered."},
    )
    depth = forms.TypedChoiceField(
        label="Depth",
        required=False,
        coerce=int,
        empty_value=None,
        choices=DEPTH_CHOICES,
        error_messages={
            "invalid_choice": "Please choose one of the depths offered: any, 1, 2 or 3."
        },
    )

    def __init__(self, *args: Any, opt_ins: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.theme_choices: list[tuple[str, str]] = [
            (ANY, "Any theme"),
            *((key, words) for key, words in THEMES if key not in OPT_IN_THEMES or key in opt_ins),
        ]
        cast(forms.ChoiceField, self.fields["theme"]).choices = self.theme_choices

    def selects(self) -> list[dict[str, Any]]:
        """The two fields as the template draws them: label, id, options with the one
        chosen marked, errors. (Cheaper than Django's widget templates, an option each.)"""
        rows = []
        for name, choices in (("theme", self.theme_choices), ("depth", DEPTH_CHOICES)):
            raw = self.data.get(name, "") if self.is_bound else ""
            current = raw if any(raw == value for value, _ in choices) else ""
            rows.append(
                {
                    "name": name,
                    "id": f"id_{name}",
                    "label": self.fields[name].label,
                    "options": [(value, words, value == current) for value, words in choices],
                    "errors": self.errors.get(name, []) if self.is_bound else [],
                }
            )
        return rows

    def chosen(self) -> tuple[str | None, int | None]:
        """Return (theme, depth), None for "any" (only after is_valid())."""
        return self.cleaned_data["theme"] or None, self.cleaned_data["depth"]

    def query(self) -> dict[str, str]:
        """Return the valid filter as query values, "any" left out (after is_valid())."""
        theme, depth = self.chosen()
        values = {}
        if theme is not None:
            values["theme"] = theme
        if depth is not None:
            values["depth"] = str(depth)
        return values


class DeckSettingsForm(forms.Form):
    """Each opt-in theme as one checkbox, off unless the person turns it on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for theme in sorted(OPT_IN_THEMES):
            self.fields[theme] = forms.BooleanField(
                label=f"Include the {THEME_LABELS[theme]} cards",
                required=False,
                help_text=OPT_IN_HELP.get(theme, ""),
            )

    def themes(self) -> list[str]:
        """Return the opt-in themes turned on (only after is_valid())."""
        return [theme for theme in sorted(OPT_IN_THEMES) if self.cleaned_data.get(theme)]


OPT_IN_HELP: dict[str, str] = {
    "touch": (
        "Gentle questions about affection, hugs and feeling at ease side by side, written "
        "mainly for partners. Never explicit. Off until you turn it on; you can turn it "
        "off again at any time."
    ),
}
