from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.review import views

app_name = "review"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("save/", views.save, name="save"),
    path("dismiss/", views.dismiss, name="dismiss"),
    path("settings/", views.settings_view, name="settings"),
]
