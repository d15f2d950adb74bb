from __future__ import annotations

from django.apps import AppConfig


class OpeningConfig(AppConfig):
    name = "nearer.opening"
    verbose_name = "Opening up"
    default_auto_field = "django.db.models.BigAutoField"
