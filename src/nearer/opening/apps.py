from __future__ import annotations

from django.apps import AppConfig


class OpeningConfig(AppConfig):
    name = "nearer.opening"
    verbose_name = "Opening up"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the derived kinds opening.felt, opening.shown and opening.summary,
        # so the login's refresh keeps them (and the summary follows its sources).
        import nearer.opening.felt
        import nearer.opening.shown
        import nearer.opening.summary_kept  # noqa: F401
