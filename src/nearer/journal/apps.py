from __future__ import annotations

from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "nearer.journal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the month texts of search, so the login's derived_refresh keeps
        # them up to date whatever was written before.
        from nearer.journal import search_index  # noqa: F401
