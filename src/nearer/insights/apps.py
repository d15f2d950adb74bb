from __future__ import annotations

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "nearer.insights"
    verbose_name = "Insights"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the findings, so the login's derived_refresh rebuilds them when
        # their rows have changed since (their fingerprint no longer matches).
        from nearer.accounts import login_hooks
        from nearer.insights import findings

        # After the hooks of the apps before this one (INSTALLED_APPS order), which
        # may write rows the findings depend on.
        login_hooks.register(findings.findings_refresh)
