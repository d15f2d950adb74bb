from __future__ import annotations

from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "nearer.today"
    default_auto_field = "django.db.models.BigAutoField"
