from __future__ import annotations

from django.apps import AppConfig


class OpeningConfig(AppConfig):
    name = "nearer.opening"
    verbose_name = "Opening up"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the derived kind opening.felt, so the login's refresh keeps it.
        import nearer.opening.felt  # noqa: F401
