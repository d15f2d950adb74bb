from __future__ import annotations

from django.apps import AppConfig


class MomentsConfig(AppConfig):
    name = "nearer.moments"
    default_auto_field = "django.db.models.BigAutoField"
