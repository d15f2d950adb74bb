from __future__ import annotations

from django.apps import AppConfig


class DecksConfig(AppConfig):
    name = "nearer.decks"
    verbose_name = "Conversation decks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the derived kind decks.depth, so the login refresh keeps it.
        import nearer.decks.depth  # noqa: F401
        from nearer.decks.person_page import person_context
        from nearer.people.page_parts import register

        # A person's page shows how deep sessions with them went (people can't
        # import decks: decks import people).
        register(person_context)
