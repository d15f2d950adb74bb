from __future__ import annotations

from django.urls import path

from nearer.accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("", views.settings_view, name="settings"),
    path("email/", views.email_change, name="email_change"),
    path("password/", views.password_change, name="password_change"),
    path("recovery-code/", views.recovery_code, name="recovery_code"),
    path("recovery-code/new/", views.recovery_renew, name="recovery_renew"),
    path("forgot/", views.forgot, name="forgot"),
    path("delete/", views.delete_account, name="delete"),
]
