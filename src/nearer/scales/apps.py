from __future__ import annotations

from django.apps import AppConfig


class ScalesConfig(AppConfig):
    name = "nearer.scales"
    default_auto_field = "django.db.models.BigAutoField"
