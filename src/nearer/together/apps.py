from __future__ import annotations

from django.apps import AppConfig


class TogetherConfig(AppConfig):
    name = "nearer.together"
    verbose_name = "Together"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Accounts sits below every app, so it runs our part through its hooks: at
        # login our own side of a pair is brought up to date (before the rituals' and
        # the insights' hooks, which are registered by apps listed after this one),
        # and a deleted account's space ends whole.
        from nearer.accounts import identity, login_hooks
        from nearer.together.selectors import identity_private_of, identity_public_of
        from nearer.together.services import pair_end, pair_refresh

        login_hooks.register(pair_refresh)
        login_hooks.register_deletion(pair_end)
        # The identity key pair is ours; accounts seals sign-in records to it.
        identity.register(public_of=identity_public_of, private_of=identity_private_of)
