from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.portability import views_daylio, views_export, views_index, views_jrnl, views_own_import

app_name = "portability"

urlpatterns: list[URLPattern | URLResolver] = [
    # Your data's front page, the export, and the import of Nearer's own export
    path("", views_index.index, name="index"),
    path("export/", views_export.export_page, name="export"),
    path("nearer/", views_own_import.nearer_import_start, name="nearer_import"),
    path(
        "nearer/<uuid:nearer_import_id>/",
        views_own_import.nearer_import_preview,
        name="nearer_import_preview",
    ),
    path(
        "nearer/<uuid:nearer_import_id>/confirm/",
        views_own_import.nearer_import_confirm,
        name="nearer_import_confirm",
    ),
    path(
        "nearer/<uuid:nearer_import_id>/cancel/",
        views_own_import.nearer_import_cancel,
        name="nearer_import_cancel",
    ),
    # jrnl and Daylio imports
    path("jrnl/", views_jrnl.jrnl_start, name="jrnl"),
    path("jrnl/<uuid:jrnl_import_id>/", views_jrnl.jrnl_preview_page, name="jrnl_preview"),
    path("jrnl/<uuid:jrnl_import_id>/confirm/", views_jrnl.jrnl_confirm, name="jrnl_confirm"),
    path("jrnl/<uuid:jrnl_import_id>/cancel/", views_jrnl.jrnl_cancel, name="jrnl_cancel"),
    path("daylio/", views_daylio.daylio_start, name="daylio"),
    path(
        "daylio/<uuid:daylio_import_id>/", views_daylio.daylio_preview_page, name="daylio_preview"
    ),
    path(
        "daylio/<uuid:daylio_import_id>/confirm/",
        views_daylio.daylio_confirm,
        name="daylio_confirm",
    ),
    path(
        "daylio/<uuid:daylio_import_id>/cancel/", views_daylio.daylio_cancel, name="daylio_cancel"
    ),
]
