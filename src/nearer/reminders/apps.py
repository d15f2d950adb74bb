from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "nearer.reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # People, moments and scales cannot import reminders (it imports them): their
        # services say what changed through lib.reminder_inputs, heard here. Logins
        # bring every date up to date (accounts older than reminders).
        from nearer.accounts import login_hooks
        from nearer.lib import reminder_inputs
        from nearer.reminders.dates import inputs_changed, refresh_at_login

        reminder_inputs.listen(inputs_changed)
        login_hooks.register(refresh_at_login)
