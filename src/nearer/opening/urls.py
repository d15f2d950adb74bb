from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.opening import summary_views, views

app_name = "opening"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("new/", views.share_new, name="new"),
    path("<uuid:share_id>/", views.share_detail, name="share"),
    path("<uuid:share_id>/edit/", views.share_edit, name="edit"),
    path("<uuid:share_id>/shared/", views.share_shared, name="shared"),
    path("<uuid:share_id>/reflect/", views.share_reflect, name="reflect"),
    path("<uuid:share_id>/let-go/", views.share_let_go, name="let_go"),
    path("<uuid:share_id>/take-up/", views.share_take_up, name="take_up"),
    path("<uuid:share_id>/write/", views.share_write, name="write"),
    path("<uuid:share_id>/delete/", views.share_delete, name="delete"),
    # --- the summary page's routes (summary engineer) below this line ---
    path("summary/", summary_views.summary, name="summary"),
]
