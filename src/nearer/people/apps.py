from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "nearer.people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the people index and the ratings summaries, so the login's
        # derived_refresh keeps them up to date whatever was imported before.
        from nearer.people import index, ratings  # noqa: F401
