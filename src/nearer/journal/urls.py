from __future__ import annotations

from django.urls import path, re_path

from nearer.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
    path("<year:year>/<month:month>/", views.month, name="month"),
    path("new/", views.entry_new, name="new"),
    path("search/", views.search, name="search"),
    # 32 hex digits (vault.search_words): anything else is a 404, not a page.
    re_path(r"^search/(?P<search_id>[0-9a-f]{32})/$", views.search_results, name="search_results"),
    path("tags/", views.tags, name="tags"),
    path("prompts/", views.prompts, name="prompts"),
    path("prompts/pick/", views.prompt_pick, name="prompt_pick"),
    path("<uuid:entry_id>/", views.entry_detail, name="entry"),
    path("<uuid:entry_id>/edit/", views.entry_edit, name="edit"),
    path("<uuid:entry_id>/delete/", views.entry_delete, name="delete"),
]
