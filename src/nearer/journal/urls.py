from __future__ import annotations

from django.urls import path

from nearer.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
]
