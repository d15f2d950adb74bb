from __future__ import annotations

from django.apps import AppConfig


class DecksConfig(AppConfig):
    name = "nearer.decks"
    verbose_name = "Conversation decks"
    default_auto_field = "django.db.models.BigAutoField"
