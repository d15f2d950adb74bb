from __future__ import annotations

from django.urls import path

from nearer.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.checkin_new, name="new"),
    path("calendar/", views.calendar, name="calendar"),
    path("<year:year>/<month:month>/", views.month, name="month"),
    path("<year:year>/<month:month>/<day:day>/", views.day, name="day"),
    path("<uuid:checkin_id>/edit/", views.checkin_edit, name="edit"),
    path("<uuid:checkin_id>/delete/", views.checkin_delete, name="delete"),
]
