from __future__ import annotations

from django.urls import path

from nearer.people import views

app_name = "people"

urlpatterns = [
    path("", views.index, name="index"),
    path("archived/", views.archived, name="archived"),
    path("new/", views.person_new, name="new"),
    path("<uuid:person_id>/", views.person_detail, name="person"),
    path("<uuid:person_id>/edit/", views.person_edit, name="edit"),
    path("<uuid:person_id>/archive/", views.person_archive, name="archive"),
    path("<uuid:person_id>/restore/", views.person_restore, name="restore"),
    path("<uuid:person_id>/delete/", views.person_delete, name="delete"),
    path("<uuid:person_id>/closeness/", views.closeness, name="closeness"),
    path("<uuid:person_id>/dates/new/", views.date_new, name="date_new"),
    path("dates/<uuid:date_id>/delete/", views.date_delete, name="date_delete"),
]
