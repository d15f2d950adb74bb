from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.portability import views_daylio, views_jrnl

app_name = "portability"

urlpatterns: list[URLPattern | URLResolver] = [
    # jrnl and Daylio imports
    path("jrnl/", views_jrnl.jrnl_start, name="jrnl"),
    path("jrnl/<uuid:import_id>/", views_jrnl.jrnl_preview_page, name="jrnl_preview"),
    path("jrnl/<uuid:import_id>/confirm/", views_jrnl.jrnl_confirm, name="jrnl_confirm"),
    path("jrnl/<uuid:import_id>/cancel/", views_jrnl.jrnl_cancel, name="jrnl_cancel"),
    path("daylio/", views_daylio.daylio_start, name="daylio"),
    path("daylio/<uuid:import_id>/", views_daylio.daylio_preview_page, name="daylio_preview"),
    path("daylio/<uuid:import_id>/confirm/", views_daylio.daylio_confirm, name="daylio_confirm"),
    path("daylio/<uuid:import_id>/cancel/", views_daylio.daylio_cancel, name="daylio_cancel"),
]
