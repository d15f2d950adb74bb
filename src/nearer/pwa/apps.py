from __future__ import annotations

from django.apps import AppConfig


class PwaConfig(AppConfig):
    """Installing Nearer as an app: manifest, icons, service worker, offline page, robots."""

    name = "nearer.pwa"
    default_auto_field = "django.db.models.BigAutoField"
