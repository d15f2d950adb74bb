from __future__ import annotations

from nearer.rituals.tests.helpers import paired

__all__ = ["paired"]
