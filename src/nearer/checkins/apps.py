from __future__ import annotations

from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "nearer.checkins"
    default_auto_field = "django.db.models.BigAutoField"
