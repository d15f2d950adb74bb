from __future__ import annotations

from django.urls import path, re_path

from nearer.people import views, views_import

app_name = "people"

urlpatterns = [
    path("", views.index, name="index"),
    # 32 hex digits (vault.search_words): anything else is a 404, not a page.
    re_path(r"^found/(?P<search_id>[0-9a-f]{32})/$", views.search_results, name="search_results"),
    path("archived/", views.archived, name="archived"),
    path("new/", views.person_new, name="new"),
    path("<uuid:person_id>/", views.person_detail, name="person"),
    path("<uuid:person_id>/edit/", views.person_edit, name="edit"),
    path("<uuid:person_id>/archive/", views.person_archive, name="archive"),
    path("<uuid:person_id>/restore/", views.person_restore, name="restore"),
    path("<uuid:person_id>/delete/", views.person_delete, name="delete"),
    path("<uuid:person_id>/closeness/", views.closeness, name="closeness"),
    path("<uuid:person_id>/dates/new/", views.date_new, name="date_new"),
    path("dates/<uuid:date_id>/edit/", views.date_edit, name="date_edit"),
    path("dates/<uuid:date_id>/delete/", views.date_delete, name="date_delete"),
    path("import/", views_import.import_start, name="import"),
    path("import/<uuid:import_id>/", views_import.import_preview, name="import_preview"),
    path("import/<uuid:import_id>/confirm/", views_import.import_confirm, name="import_confirm"),
    path("import/<uuid:import_id>/cancel/", views_import.import_cancel, name="import_cancel"),
]
