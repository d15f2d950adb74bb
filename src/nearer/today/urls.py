from __future__ import annotations

from django.urls import path

from nearer.today import views

app_name = "today"

urlpatterns = [
    path("", views.index, name="index"),
]
