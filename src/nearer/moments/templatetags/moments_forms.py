"""Template filters for the moments forms: choice groups built in Python (fast)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

from nearer.moments.rows import choice_group

register = template.Library()


@register.filter
def choices(field: BoundField, size: str = "") -> SafeString:
    """``{{ form.how|choices:"big" }}``: a radio or checkbox group in a fieldset."""
    return choice_group(field, big=size == "big")
