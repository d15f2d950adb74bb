from __future__ import annotations

from django.urls import path

from nearer.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
    path("<year:year>/<month:month>/", views.month, name="month"),
    path("new/", views.entry_new, name="new"),
    path("search/", views.search, name="search"),
    path("tags/", views.tags, name="tags"),
    path("prompts/", views.prompts, name="prompts"),
    path("prompts/pick/", views.prompt_pick, name="prompt_pick"),
    path("<uuid:entry_id>/", views.entry_detail, name="entry"),
    path("<uuid:entry_id>/edit/", views.entry_edit, name="edit"),
    path("<uuid:entry_id>/delete/", views.entry_delete, name="delete"),
]
