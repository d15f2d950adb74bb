from __future__ import annotations

app_name = "moments"

urlpatterns: list[object] = [
]
