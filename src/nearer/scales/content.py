"""The sealed part of a scale result: which scale, the answers, the total."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.lib.private import QuietRepr
from nearer.scales.instruments import Scale, scale_by_key
from nearer.scales.models import ScaleResult
from nearer.scales.scoring import total_or_none
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(ScaleResult, "content")


@dataclass(frozen=True, slots=True, repr=False)
class ResultContent(QuietRepr):
    """What a person answered. ``total`` is the published raw total (WHO-5 0-25)."""

    scale: Scale
    answers: tuple[int, ...]
    total: int

    def as_json(self) -> dict[str, Any]:
        return {"scale": self.scale.key, "answers": list(self.answers), "total": self.total}

    @classmethod
    def from_json(cls, value: Any) -> ResultContent:
        """Build from an opened value; raise SealError if it is not a valid result.

        The total is computed again from the answers rather than trusted, so a
        result always says what the published scoring says.
        """
        if type(value) is not dict:
            raise SealError("scale result is not an object")
        scale = scale_by_key(value.get("scale"))
        answers = value.get("answers")
        if scale is None or type(answers) is not list:
            raise SealError("scale result has an unexpected shape")
        total = total_or_none(scale, answers)
        if total is None:
            raise SealError("scale result has invalid answers")
        return cls(scale, tuple(answers), total)


def content_seal(vault: Vault, result_id: UUID, content: ResultContent) -> bytes:
    """Return ``content`` sealed for the result ``result_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, result_id, content.as_json())


def content_open(vault: Vault, result_id: UUID, sealed: bytes | memoryview) -> ResultContent:
    """Return the content sealed on result ``result_id``; raise SealError if it won't open."""
    raw = vault.open_bytes(CONTENT_LABEL, result_id, bytes(sealed))
    try:
        value = json.loads(raw)
    except ValueError:  # bad UTF-8 or bad JSON
        raise SealError("scale result is not valid JSON") from None
    return ResultContent.from_json(value)
