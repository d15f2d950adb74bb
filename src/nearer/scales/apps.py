from __future__ import annotations

from django.apps import AppConfig


class ScalesConfig(AppConfig):
    name = "nearer.scales"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the summary of scores, so the login's derived_refresh keeps it
        # up to date whatever was imported before.
        from nearer.scales import summary  # noqa: F401
