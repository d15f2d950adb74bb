"""Forms of the scales: one radio group per item, and the rhythm of the offers."""

from __future__ import annotations

from typing import Any

from django import forms

from nearer.scales.instruments import Scale
from nearer.scales.schedule import EVERY_CHOICES, ScaleState


class ScaleForm(forms.Form):
    """Every item of ``scale`` as a required choice among its published options."""

    def __init__(self, scale: Scale, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scale = scale
        choices = [(option.value, option.label) for option in scale.options]
        for item in scale.items:
            self.fields[self.field_name(item.number)] = forms.TypedChoiceField(
                label=item.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Please choose an answer for question {item.number}.",
                    "invalid_choice": (
                        f"Please choose one of the answers offered for question {item.number}."
                    ),
                },
            )

    @staticmethod
    def field_name(number: int) -> str:
        return f"item_{number}"

    def answers(self) -> list[int]:
        """Return the chosen values in item order (only after is_valid())."""
        return [self.cleaned_data[self.field_name(item.number)] for item in self.scale.items]

    def groups(self) -> list[dict[str, Any]]:
        """Return what the template needs to draw each item as a fieldset of radios."""
        chosen = self.data if self.is_bound else {}
        groups = []
        for item in self.scale.items:
            name = self.field_name(item.number)
            value = chosen.get(name) if hasattr(chosen, "get") else None
            groups.append(
                {
                    "item": item,
                    "name": name,
                    "errors": self.errors.get(name, []) if self.is_bound else [],
                    "options": [
                        {
                            "value": option.value,
                            "label": option.label,
                            "checked": value == str(option.value),
                            "id": f"{name}_{option.value}",
                        }
                        for option in self.scale.options
                    ],
                }
            )
        return groups


class ScheduleForm(forms.Form):
    """How often each offered scale comes back on Today."""

    def __init__(
        self, scales: tuple[Scale, ...], state: ScaleState, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.scales = scales
        for scale in scales:
            self.fields[scale.key] = forms.TypedChoiceField(
                label=f"{scale.short_name} ({scale.measures})",
                choices=EVERY_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=state.every_days(scale),
                error_messages={
                    "required": f"Please choose how often to offer the {scale.short_name}.",
                    "invalid_choice": "Please choose one of the offered rhythms.",
                },
            )

    def every(self) -> dict[str, int]:
        return {scale.key: self.cleaned_data[scale.key] for scale in self.scales}
