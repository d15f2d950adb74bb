from __future__ import annotations

app_name = "scales"

urlpatterns: list[object] = [
]
