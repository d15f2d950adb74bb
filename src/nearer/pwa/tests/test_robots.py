from __future__ import annotations

import pytest
from django.test import Client


def test_robots_txt_keeps_every_crawler_out_of_everything() -> None:
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line for line in response.content.decode().splitlines() if not line.startswith("#")]
    assert lines == ["User-agent: *", "Disallow: /"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/robots.txt", "/static/nearer/nearer.css"])
def test_every_response_asks_not_to_be_indexed(path: str) -> None:
    assert Client().get(path)["X-Robots-Tag"] == "noindex, nofollow"
