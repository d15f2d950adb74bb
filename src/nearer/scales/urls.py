from __future__ import annotations

from django.urls import path

from nearer.scales import views

app_name = "scales"

urlpatterns = [
    path("", views.index, name="index"),
    path("trends/", views.trends, name="trends"),
    path("schedule/", views.schedule, name="schedule"),
    path("not-now/", views.snooze, name="snooze"),
    path("save/", views.save, name="save"),
    path("results/<uuid:result_id>/", views.result, name="result"),
    path("results/<uuid:result_id>/delete/", views.result_delete, name="delete"),
    path("<slug:scale_key>/", views.take, name="take"),
]
