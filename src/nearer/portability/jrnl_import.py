"""Importing a jrnl journal into the journal: read, preview, then save all at once.

1. ``jrnl_prepare`` reads the file (``portability.jrnl``), turns each entry into
   what a journal entry may hold (``_mapped``), sets aside the entries already in
   the journal (same day, title and text: the fingerprint of ``_fingerprint``; the
   time of day is not part of it because a journal entry keeps its day only), and
   seals the result as a pending import. Nothing is written to the journal.
2. ``jrnl_preview`` opens it for the preview page.
3. ``jrnl_apply`` saves every new entry in one transaction (``entries_create_many``)
   and deletes the pending import; any failure saves nothing.

Mapping: the title and body stay as they are; an entry with a title only keeps its
title as its text (a journal entry needs text). A title longer than the journal
allows is moved to the start of the text. @tags become journal tags; a starred entry
gets the tag ``starred`` (the journal has no favourites of its own). Tags past the
journal's limits (``MAX_TAGS`` an entry, ``MAX_TAG`` characters) are left out and
the preview says so.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import IO, Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.journal import rules
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.services import entries_create_many
from nearer.lib.owner import check_vault
from nearer.lib.text import fold
from nearer.portability.jrnl import JrnlEntry, parse_jrnl
from nearer.portability.pending import pending_create, pending_open, pending_take
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "STARRED_TAG",
    "JrnlPreview",
    "NewEntry",
    "jrnl_apply",
    "jrnl_prepare",
    "jrnl_preview",
]

SOURCE = "jrnl"
STARRED_TAG = "starred"
# Bump when the sealed shape changes: an older pending import then will not open.
_VERSION = 1


@dataclass(frozen=True, slots=True)
class NewEntry:
    """An entry as it will be saved; ``number`` is its place in the file, from 1."""

    number: int
    day: date
    time: str
    title: str
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JrnlPreview:
    id: UUID
    kind: str
    entries: tuple[NewEntry, ...]
    already: int
    # (entry number, why it was left out) and (entry number, what was changed).
    skipped: tuple[tuple[int, str], ...]
    changed: tuple[tuple[int, str], ...]


def _fingerprint(day: date, title: str, body: str) -> str:
    """The same entry, whatever its row: day, title and text as the journal keeps them."""
    return hashlib.sha256(f"{day.isoformat()}\x1f{title}\x1f{body}".encode()).hexdigest()


def _mapped(entry: JrnlEntry, today: date) -> tuple[NewEntry | None, str, list[str]]:
    """Return the entry as the journal's rules accept it, or why not, and what changed."""
    notes: list[str] = []
    try:
        rules.entry_date_clean(entry.day, today=today)
    except ValidationError as exc:
        return None, " ".join(exc.messages), notes
    title = rules.title_clean(entry.title) if len(entry.title) <= rules.MAX_TITLE else ""
    body = entry.body
    if entry.title and not title:
        body = f"{entry.title}\n\n{body}" if body.strip() else entry.title
        notes.append("its long title was moved to the start of the text")
    if not body.strip():
        body = title
    if not body.strip():
        return None, "it is empty", notes
    try:
        body = rules.body_clean(body)
    except ValidationError as exc:
        return None, " ".join(exc.messages), notes
    tags: list[str] = []
    for tag in (*entry.tags, *((STARRED_TAG,) if entry.starred else ())):
        if len(tag) > rules.MAX_TAG:
            notes.append(f"a tag longer than {rules.MAX_TAG} characters was left out")
            continue
        tags.append(tag)
    cleaned, cut = tags_fitting(tags)
    if cut:
        notes.append(f"only its first {rules.MAX_TAGS} tags were kept")
    return (
        NewEntry(
            number=entry.number,
            day=entry.day,
            time=entry.time,
            title=title,
            body=body,
            tags=tuple(cleaned),
        ),
        "",
        notes,
    )


def tags_fitting(tags: list[str]) -> tuple[list[str], bool]:
    """Return the first MAX_TAGS distinct tags (as the journal compares them), and
    whether more were left out."""
    kept: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        for one in rules.tags_clean([tag]):
            if fold(one) in seen:
                continue
            if len(kept) == rules.MAX_TAGS:
                return kept, True
            seen.add(fold(one))
            kept.append(one)
    return kept, False


def _existing(user: User, vault: Vault, first: date, last: date) -> Counter[str]:
    """Fingerprints of the person's entries dated from ``first`` to ``last``, counted."""
    found: Counter[str] = Counter()
    rows = Entry.objects.filter(owner=user, entry_date__gte=first, entry_date__lte=last)
    for entry_id, day, sealed in rows.values_list("id", "entry_date", "content").iterator(
        chunk_size=1000
    ):
        try:
            content = content_open(vault, entry_id, sealed)
        except SealError:
            continue
        found[_fingerprint(day, content.title, content.body)] += 1
    return found


def _sorted(user: User, vault: Vault, entries: tuple[JrnlEntry, ...]) -> dict[str, Any]:
    today = timezone.localdate()
    new: list[NewEntry] = []
    skipped: list[tuple[int, str]] = []
    changed: list[tuple[int, str]] = []
    for entry in entries:
        mapped, reason, notes = _mapped(entry, today)
        if mapped is None:
            skipped.append((entry.number, reason))
            continue
        if notes:
            changed.append((entry.number, "; ".join(notes)))
        new.append(mapped)
    already = 0
    if new:
        existing = _existing(user, vault, min(e.day for e in new), max(e.day for e in new))
        kept: list[NewEntry] = []
        for one in new:
            key = _fingerprint(one.day, one.title, one.body)
            # A multiset: two same entries in the file and one in the journal add one.
            if existing[key] > 0:
                existing[key] -= 1
                already += 1
            else:
                kept.append(one)
        new = kept
    return {
        "v": _VERSION,
        "entries": [
            [e.number, e.day.isoformat(), e.time, e.title, e.body, list(e.tags)] for e in new
        ],
        "already": already,
        "skipped": skipped,
        "changed": changed,
    }


@transaction.atomic
def jrnl_prepare(
    *, user: User, vault: Vault, data: bytes | IO[bytes], replace_older: bool = True
) -> UUID:
    """Read ``data`` as a jrnl journal, sort it and seal it as a pending import; return
    its id (with ``replace_older``, the default, the person's earlier pending jrnl
    import goes). Raises UnreadableFile (nothing saved) when it cannot be read at all."""
    check_vault(user, vault)
    parsed = parse_jrnl(data)
    value = _sorted(user, vault, parsed.entries)
    value["kind"] = parsed.kind
    value["skipped"] = sorted([*value["skipped"], *((p.number, p.reason) for p in parsed.problems)])
    pending = pending_create(
        user=user, vault=vault, source=SOURCE, value=value, replace_older=replace_older
    )
    return pending.id


def _decode(import_id: UUID, value: Any) -> JrnlPreview:
    try:
        if type(value) is not dict or value.get("v") != _VERSION:
            raise SealError("pending jrnl import of another shape")
        return JrnlPreview(
            id=import_id,
            kind=str(value["kind"]),
            entries=tuple(
                NewEntry(
                    number=int(number),
                    day=date.fromisoformat(day),
                    time=str(time),
                    title=str(title),
                    body=str(body),
                    tags=tuple(map(str, tags)),
                )
                for number, day, time, title, body, tags in value["entries"]
            ),
            already=int(value["already"]),
            skipped=tuple((int(n), str(r)) for n, r in value["skipped"]),
            changed=tuple((int(n), str(r)) for n, r in value["changed"]),
        )
    except (KeyError, TypeError, ValueError):
        raise SealError("pending jrnl import has an unexpected shape") from None


def jrnl_preview(*, user: User, vault: Vault, import_id: UUID) -> JrnlPreview:
    """Return the pending jrnl import, opened. Raises Http404 (not theirs),
    ImportExpired, SealError."""
    opened = pending_open(user=user, vault=vault, source=SOURCE, import_id=import_id)
    return _decode(import_id, opened.value)


@transaction.atomic
def jrnl_apply(*, user: User, vault: Vault, import_id: UUID) -> int:
    """Save every new entry of the pending import, all or nothing; return how many.

    Raises Http404 (not theirs, or already saved), ImportExpired, SealError, and
    ValidationError when the journal's rules refuse an entry (nothing saved).
    """
    taken = pending_take(user=user, vault=vault, source=SOURCE, import_id=import_id)
    preview = _decode(import_id, taken.value)
    return entries_create_many(
        user=user,
        vault=vault,
        entries=[(e.day, e.title, e.body, list(e.tags), None) for e in preview.entries],
    )
