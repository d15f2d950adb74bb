"""Export → import into a new account → export again: the same JSON, ids and the
import's own timestamps aside. The account has every kind and every optional field,
so a field dropped on the way out or in is a difference here."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from typing import Any

from nearer.conftest import Person
from nearer.portability.export_stream import ExportRequest, export_chunks
from nearer.portability.nearer_import import import_apply, import_prepare
from nearer.portability.pending import pending_open
from nearer.portability.tests.full_account import build_full_account, every_field_is_set

# The import makes new rows: their ids and the moments they were written differ.
IGNORED = {"id", "created_at", "updated_at"}


def export_zip(person: Person) -> bytes:
    request = ExportRequest(user=person.user, vault=person.vault, exported_at=datetime.now(tz=UTC))
    return b"".join(export_chunks(request))


def export_json(person: Person) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(export_zip(person))) as archive:
        value: dict[str, Any] = json.loads(archive.read("nearer-export.json"))
    return value


def comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with every id replaced by what it points to, lists in a stable order."""
    names = {p["id"]: "person:" + p["name"] for p in doc["people"]}
    moments = {
        m["id"]: "moment:" + json.dumps([m["occurred_on"], m["note"], m["how"]])
        for m in doc["moments"]
    }
    entries = {
        e["id"]: "entry:" + json.dumps([e["date"], e["title"], e["body"]]) for e in doc["journal"]
    }
    ids = {**names, **moments, **entries}

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in IGNORED}
        if isinstance(value, list):
            cleaned = [clean(v) for v in value]
            if all(isinstance(v, dict) for v in cleaned):
                return sorted(cleaned, key=lambda v: json.dumps(v, sort_keys=True))
            if value and all(isinstance(v, str) and v in ids for v in value):
                return sorted(cleaned)  # who was there is a set (stored by id order)
            return cleaned
        if isinstance(value, str) and value in ids:
            return ids[value]
        return value

    kept = {k: v for k, v in doc.items() if k not in ("exported_at", "account")}
    return clean(kept)  # type: ignore[no-any-return]


def test_an_export_imported_into_a_new_account_exports_the_same(alice: Person, bob: Person) -> None:
    build_full_account(alice.user, alice.vault)
    first = export_json(alice)
    assert every_field_is_set(first) == []

    pending = import_prepare(user=bob.user, vault=bob.vault, raw=export_zip(alice))
    import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)
    second = export_json(bob)

    assert comparable(second) == comparable(first)


def test_importing_the_same_export_again_offers_nothing_new(alice: Person, bob: Person) -> None:
    build_full_account(alice.user, alice.vault)
    raw = export_zip(alice)
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=raw)
    import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)

    again = import_prepare(user=bob.user, vault=bob.vault, raw=raw)
    value = pending_open(user=bob.user, vault=bob.vault, source="nearer", import_id=again.id).value
    assert value["new"] == {key: 0 for key in value["new"]}
    assert value["there"]["journal"] == 3
