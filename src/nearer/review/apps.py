from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "nearer.review"
    verbose_name = "Weekly review"
    default_auto_field = "django.db.models.BigAutoField"
