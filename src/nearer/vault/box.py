"""The unlocked vault of one request: seals and opens values bound to their place."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django.db import models

from nearer.vault.crypto import Sealer, SealError

__all__ = ["SealError", "Vault"]


class Vault:
    """A user's data key, unlocked for one request.

    Every value is sealed with associated data ``"<label>|<row id>|<user id>"`` so
    a value copied to another field, row or user fails to open.
    """

    __slots__ = ("_sealer", "user_id")

    def __init__(self, *, user_id: int, dek: bytes) -> None:
        self.user_id = user_id
        self._sealer = Sealer(dek)

    def _aad(self, label: str, row_id: UUID | str | int) -> bytes:
        return f"{label}|{row_id}|{self.user_id}".encode()

    def seal_bytes(self, label: str, row_id: UUID | str | int, data: bytes) -> bytes:
        """Return ``data`` sealed for ``label`` on row ``row_id`` of this user."""
        return self._sealer.seal(data, self._aad(label, row_id))

    def open_bytes(self, label: str, row_id: UUID | str | int, sealed: bytes) -> bytes:
        """Return the bytes sealed for ``label`` on row ``row_id``; raise SealError."""
        return self._sealer.open(sealed, self._aad(label, row_id))

    def seal_text(self, label: str, row_id: UUID | str | int, text: str) -> bytes:
        return self.seal_bytes(label, row_id, text.encode("utf-8"))

    def open_text(self, label: str, row_id: UUID | str | int, sealed: bytes) -> str:
        return self.open_bytes(label, row_id, sealed).decode("utf-8")

    def seal_json(self, label: str, row_id: UUID | str | int, value: Any) -> bytes:
        """Seal any JSON-serialisable value (non-ASCII kept as UTF-8, compact)."""
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self.seal_bytes(label, row_id, data)

    def open_json(self, label: str, row_id: UUID | str | int, sealed: bytes) -> Any:
        """Return the JSON value sealed for ``label`` on ``row_id``; raise SealError."""
        try:
            return json.loads(self.open_bytes(label, row_id, sealed))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SealError("sealed value is not valid JSON") from None

    @staticmethod
    def label(model: type[models.Model] | models.Model, field: str) -> str:
        """Return the place label of ``field`` on ``model``, e.g. ``journal.entry.content``."""
        return f"{model._meta.label_lower}.{field}"
