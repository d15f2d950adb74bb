"""Forms of the draw pages: the filter (theme and depth) and the opt-in themes."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from nearer.decks.catalogue import DEPTHS, OPT_IN_THEMES, THEME_LABELS, THEMES

ANY = ""


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
        choices=[
            (ANY, "Any depth"),
            *((str(value), f"{value} · {words}") for value, words in DEPTHS),
        ],
        error_messages={
            "invalid_choice": "Please choose one of the depths offered: any, 1, 2 or 3."
        },
    )

    def __init__(self, *args: Any, opt_ins: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["theme"])
        field.choices = [
            (ANY, "Any theme"),
            *((key, words) for key, words in THEMES if key not in OPT_IN_THEMES or key in opt_ins),
        ]

    def selects(self) -> list[dict[str, Any]]:
        """The two fields as the template draws them: label, id, options with the one
        chosen marked, errors. (Cheaper than Django's widget templates, an option each.)"""
        rows = []
        for name in ("theme", "depth"):
            field = cast(forms.ChoiceField, self.fields[name])
            raw = self.data.get(name, "") if self.is_bound else ""
            values = [str(value) for value, _ in field.choices]
            current = raw if raw in values else ""
            rows.append(
                {
                    "name": name,
                    "id": f"id_{name}",
                    "label": field.label,
                    "options": [
                        (str(value), words, str(value) == current) for value, words in field.choices
                    ],
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
