from __future__ import annotations

from django.urls import path

from nearer.people import views

app_name = "people"

urlpatterns = [
    path("", views.index, name="index"),
]
