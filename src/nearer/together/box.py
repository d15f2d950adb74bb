"""The pair key of one request: seals and opens the space's values.

Every value is sealed with associated data ``"<label>|<row id>|pair:<pair id>"``:
bound to its field, its row and its pair, not to a user (both partners open it).
Who wrote a row is kept in the clear beside it.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from nearer.vault.crypto import Sealer, SealError

__all__ = ["PairBox", "SealError"]

# Key id of values sealed with a pair key (the vault's own data key is 1).
KEY_ID_PAIR = 2


class PairBox:
    """A pair's key, opened for one request by one of its two members."""

    __slots__ = ("_sealer", "pair_id")

    def __init__(self, *, pair_id: UUID, key: bytes) -> None:
        self.pair_id = pair_id
        self._sealer = Sealer(key, key_id=KEY_ID_PAIR)

    def _aad(self, label: str, row_id: UUID | str | int) -> bytes:
        return f"{label}|{row_id}|pair:{self.pair_id}".encode()

    def seal_bytes(self, label: str, row_id: UUID | str | int, data: bytes) -> bytes:
        return self._sealer.seal(data, self._aad(label, row_id))

    def open_bytes(self, label: str, row_id: UUID | str | int, sealed: bytes) -> bytes:
        """Return the bytes sealed for ``label`` on ``row_id`` of this pair; raise SealError."""
        return self._sealer.open(sealed, self._aad(label, row_id))

    def seal_json(self, label: str, row_id: UUID | str | int, value: Any) -> bytes:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self.seal_bytes(label, row_id, data)

    def open_json(self, label: str, row_id: UUID | str | int, sealed: bytes) -> Any:
        try:
            return json.loads(self.open_bytes(label, row_id, sealed))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SealError("sealed value is not valid JSON") from None
