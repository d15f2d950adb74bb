from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.together import views

app_name = "together"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("invite/", views.invite, name="invite"),
    path("invite/cancel/", views.invite_cancel, name="invite_cancel"),
    path("accept/", views.accept, name="accept"),
    path("phrase/", views.phrase, name="phrase"),
    path("end/", views.end, name="end"),
    path("share/", views.share, name="share"),
    path("shared/<uuid:copy_id>/unshare/", views.unshare, name="unshare"),
]
