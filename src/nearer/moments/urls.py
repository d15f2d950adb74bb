from __future__ import annotations

from django.urls import path

from nearer.moments import views

app_name = "moments"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.moment_new, name="new"),
    path("quick/", views.moment_quick, name="quick"),
    path("drifting/", views.drifting, name="drifting"),
    path("snooze/<uuid:person_id>/", views.nudge_snooze, name="snooze"),
    path("<uuid:moment_id>/edit/", views.moment_edit, name="edit"),
    path("<uuid:moment_id>/delete/", views.moment_delete, name="delete"),
]
