from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.lib.urls import SignedTokenConverter, converter_register
from nearer.reminders import views

app_name = "reminders"

converter_register("signed_token", SignedTokenConverter)

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.settings_view, name="settings"),
    path("unsubscribe/<signed_token:token>/", views.unsubscribe, name="unsubscribe"),
]
