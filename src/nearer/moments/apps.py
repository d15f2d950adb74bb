from __future__ import annotations

from django.apps import AppConfig


class MomentsConfig(AppConfig):
    name = "nearer.moments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A person's page shows their latest moments; people can't import moments
        # (moments import people), so moments adds its part to the page here.
        # Registers the derived kinds moments.openness and moments.kinds, so the login
        # refresh keeps them.
        import nearer.moments.kinds_by_day
        import nearer.moments.openness  # noqa: F401
        from nearer.moments.person import person_context
        from nearer.people.page_parts import register

        register(person_context)
