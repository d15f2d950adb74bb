"""The project's URLs plus one view that fails, to test the 500 page's headers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from nearer import urls as project_urls


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a deliberate failure for the header tests")


urlpatterns = [*project_urls.urlpatterns, path("test-only/boom/", boom)]

handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
