"""Today's tests make people and moments as the moments app's tests do."""

from __future__ import annotations

from nearer.moments.tests.conftest import add_moment, add_person  # noqa: F401 (shared fixtures)
