from __future__ import annotations

from django.urls import path

from nearer.today import views

app_name = "today"

urlpatterns = [
    path("", views.index, name="index"),
    path("another-prompt/", views.another_prompt, name="another_prompt"),
]
