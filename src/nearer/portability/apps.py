from __future__ import annotations

from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "nearer.portability"
    verbose_name = "Your data"
    default_auto_field = "django.db.models.BigAutoField"
