from __future__ import annotations

from django.urls import path

from nearer.pwa import views

app_name = "pwa"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("robots.txt", views.robots_txt, name="robots"),
]
