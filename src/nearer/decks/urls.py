from __future__ import annotations

from django.urls import path  # noqa: F401  (the views come with their pages)

app_name = "decks"

urlpatterns: list[object] = []
