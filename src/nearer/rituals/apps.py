from __future__ import annotations

from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "nearer.rituals"
    verbose_name = "Rituals for two"
    default_auto_field = "django.db.models.BigAutoField"
