from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.reminders import views

app_name = "reminders"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.settings_view, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
