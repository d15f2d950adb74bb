from __future__ import annotations

from django.urls import path

from nearer.accounts import security_views, views, views_second_factor
from nearer.lib.urls import SignedTokenConverter, converter_register

app_name = "accounts"


class SessionHandleConverter:
    """A session's handle on the Security page: 32 hex digits (accounts.signins)."""

    regex = "[0-9a-f]{32}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


converter_register("session_handle", SessionHandleConverter)
converter_register("signed_token", SignedTokenConverter)

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("login/code/", views_second_factor.second_step, name="second_step"),
    path(
        "login/code/passkey/options/",
        views_second_factor.second_step_passkey_options,
        name="second_step_passkey_options",
    ),
    path(
        "login/code/passkey/", views_second_factor.second_step_passkey, name="second_step_passkey"
    ),
    path("logout/", views.logout_view, name="logout"),
    path("", views.settings_view, name="settings"),
    path("email/", views.email_change, name="email_change"),
    path("email/link-again/", views.email_link_again, name="email_link_again"),
    path("email/confirm/<signed_token:token>/", views.email_verify, name="email_verify"),
    path("password/", views.password_change, name="password_change"),
    path("recovery-code/", views.recovery_code, name="recovery_code"),
    path("recovery-code/new/", views.recovery_renew, name="recovery_renew"),
    path("forgot/", views.forgot, name="forgot"),
    path("delete/", views.delete_account, name="delete"),
    path("second-step/", views_second_factor.overview, name="second_factor"),
    path("second-step/app/", views_second_factor.totp_begin, name="totp_begin"),
    path("second-step/app/set-up/", views_second_factor.totp_setup, name="totp_setup"),
    path("second-step/app/off/", views_second_factor.totp_turn_off, name="totp_turn_off"),
    path(
        "second-step/backup-codes/new/",
        views_second_factor.backup_codes_new,
        name="backup_codes_new",
    ),
    path(
        "second-step/passkeys/options/",
        views_second_factor.passkey_options,
        name="passkey_options",
    ),
    path("second-step/passkeys/add/", views_second_factor.passkey_add, name="passkey_add"),
    path(
        "second-step/passkeys/<uuid:passkey_id>/remove/",
        views_second_factor.passkey_remove,
        name="passkey_remove",
    ),
    path("security/", security_views.security, name="security"),
    path(
        "security/sessions/<session_handle:handle>/end/",
        security_views.session_end,
        name="session_end",
    ),
    path(
        "security/sessions/end-others/",
        security_views.sessions_end_others,
        name="sessions_end_others",
    ),
]
