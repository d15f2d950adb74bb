from __future__ import annotations

from django.urls import path

from nearer.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.index, name="index"),
]
