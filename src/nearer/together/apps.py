from __future__ import annotations

from django.apps import AppConfig


class TogetherConfig(AppConfig):
    name = "nearer.together"
    verbose_name = "Together"
    default_auto_field = "django.db.models.BigAutoField"
