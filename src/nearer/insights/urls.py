from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.insights import views, views_balance, views_pixels

app_name = "insights"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    # Balance and care; year in pixels (views_balance, views_pixels).
    path("balance/", views_balance.balance, name="balance"),
    path("year/", views_pixels.year, name="year"),
    path("year/<year:year>/", views_pixels.year, name="year_of"),
]
