from __future__ import annotations

from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "nearer.rituals"
    verbose_name = "Rituals for two"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nearer.accounts import login_hooks
        from nearer.rituals.services import shared_moments_refresh

        # At login, the moments the partner logged in the space come into one's own.
        login_hooks.register(shared_moments_refresh)
