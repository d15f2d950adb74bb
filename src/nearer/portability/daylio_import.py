"""Importing a Daylio export as check-ins: read, preview with a mood mapping, save at once.

1. ``daylio_prepare`` reads the CSV (``portability.daylio``), sets aside rows that
   are already check-ins (same day, time of day and activities: ``_fingerprint``),
   and seals the rest as a pending import, with every mood name found.
2. ``daylio_preview`` opens it; the preview page offers a pleasantness for each mood
   (``DEFAULT_MOODS`` for Daylio's five; a custom mood starts "in between" and is
   marked so the person looks at it) and where notes go.
3. ``daylio_apply`` saves, in one transaction, a check-in for every row whose mood
   is not left out (``checkins_create_many``) and, when asked, a journal entry for
   every note (``entries_create_many``); nothing is saved if anything fails.

What a row becomes: the mood gives the pleasantness; energy is "in between" (Daylio
does not ask) and the emotion word is the one ``WORD_FOR`` gives that pleasantness,
as the preview says. Activities become the check-in's tags (up to the journal's tag
limits; the rest are left out and said). The note (with its title) becomes the
check-in's note, or a journal entry of that day with the activities as its tags; a
note longer than a check-in's note can be becomes a journal entry either way.
"""

from __future__ import annotations

import hashlib
import zoneinfo
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import IO, Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.checkins.content import MAX_NOTE, content_open
from nearer.checkins.models import CheckIn
from nearer.checkins.services import CheckInDraft, checkins_create_many
from nearer.journal import rules as journal_rules
from nearer.journal.services import entries_create_many
from nearer.lib.owner import check_vault
from nearer.lib.text import fold
from nearer.portability.daylio import DaylioRow, mood_key, parse_daylio
from nearer.portability.jrnl_import import tags_fitting
from nearer.portability.pending import pending_create, pending_open, pending_take
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "DEFAULT_MOODS",
    "SKIP",
    "WORD_FOR",
    "DaylioPreview",
    "DaylioResult",
    "Mood",
    "NotesTo",
    "daylio_apply",
    "daylio_prepare",
    "daylio_preview",
]

SOURCE = "daylio"
# Daylio's five moods, best to worst, as pleasantness steps.
DEFAULT_MOODS: dict[str, int] = {"rad": 2, "good": 1, "meh": 0, "bad": -1, "awful": -2}
# The emotion word a check-in gets for each pleasantness, with energy "in between"
# (which touches both energy sides, so each word fits its step).
WORD_FOR: dict[int, str] = {2: "joyful", 1: "content", 0: "calm", -1: "down", -2: "sad"}
ENERGY = 0
# The mapping's answer for "leave the rows with this mood out".
SKIP = "skip"
NotesTo = Literal["checkin", "journal"]
_VERSION = 1


@dataclass(frozen=True, slots=True)
class Mood:
    """A mood name found in the file: its key (``mood_key``), its spelling, how many
    rows have it, and the pleasantness offered first (None: a custom mood)."""

    key: str
    name: str
    rows: int
    default: int | None


@dataclass(frozen=True, slots=True)
class NewRow:
    number: int
    day: date
    time: str
    mood: str  # its key
    tags: tuple[str, ...]
    note_title: str
    note: str


@dataclass(frozen=True, slots=True)
class DaylioPreview:
    id: UUID
    rows: tuple[NewRow, ...]
    moods: tuple[Mood, ...]
    already: int
    skipped: tuple[tuple[int, str], ...]
    changed: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class DaylioResult:
    checkins: int
    entries: int
    left_out: int


def _fingerprint(day: date, at: str, tags: tuple[str, ...]) -> str:
    """The same check-in, whatever its row: its day, time and tags as compared."""
    folded = "\x1e".join(sorted(fold(t) for t in tags))
    return hashlib.sha256(f"{day.isoformat()}\x1f{at}\x1f{folded}".encode()).hexdigest()


def _existing(user: User, vault: Vault, first: date, last: date) -> Counter[str]:
    found: Counter[str] = Counter()
    rows = CheckIn.objects.filter(owner=user, local_date__gte=first, local_date__lte=last)
    for checkin_id, day, sealed in rows.values_list("id", "local_date", "content").iterator(
        chunk_size=1000
    ):
        try:
            content = content_open(vault, checkin_id, sealed)
        except SealError:
            continue
        found[_fingerprint(day, content.time, content.tags)] += 1
    return found


def _mapped(row: DaylioRow) -> tuple[NewRow, list[str]]:
    notes: list[str] = []
    tags: list[str] = []
    for activity in row.activities:
        if len(activity) > journal_rules.MAX_TAG:
            notes.append(f"an activity longer than {journal_rules.MAX_TAG} characters was left out")
            continue
        tags.append(activity)
    kept, cut = tags_fitting(tags)
    if cut:
        notes.append(f"only its first {journal_rules.MAX_TAGS} activities were kept")
    return (
        NewRow(
            number=row.number,
            day=row.day,
            time=row.time,
            mood=mood_key(row.mood),
            tags=tuple(kept),
            note_title=row.note_title,
            note=row.note,
        ),
        notes,
    )


@transaction.atomic
def daylio_prepare(
    *, user: User, vault: Vault, data: bytes | IO[bytes], replace_older: bool = True
) -> UUID:
    """Read ``data`` as a Daylio CSV export, sort it, seal it as a pending import;
    return its id (with ``replace_older``, the default, the person's earlier pending
    Daylio import goes). Raises UnreadableFile (nothing saved) when it cannot be read."""
    check_vault(user, vault)
    parsed = parse_daylio(data)
    skipped = [(p.number, p.reason) for p in parsed.problems]
    changed: list[tuple[int, str]] = []
    today = timezone.localdate()
    new: list[NewRow] = []
    for row in parsed.rows:
        try:
            journal_rules.entry_date_clean(row.day, today=today)
        except ValidationError as exc:
            skipped.append((row.number, " ".join(exc.messages)))
            continue
        mapped, notes = _mapped(row)
        if notes:
            changed.append((row.number, "; ".join(notes)))
        new.append(mapped)
    already = 0
    if new:
        existing = _existing(user, vault, min(r.day for r in new), max(r.day for r in new))
        kept: list[NewRow] = []
        for one in new:
            key = _fingerprint(one.day, one.time, one.tags)
            if existing[key] > 0:
                existing[key] -= 1
                already += 1
            else:
                kept.append(one)
        new = kept
    counts = Counter(r.mood for r in new)
    moods = [
        [mood_key(name), name, counts[mood_key(name)]]
        for name in parsed.moods
        if counts[mood_key(name)]
    ]
    value = {
        "v": _VERSION,
        "rows": [
            [r.number, r.day.isoformat(), r.time, r.mood, list(r.tags), r.note_title, r.note]
            for r in new
        ],
        "moods": moods,
        "already": already,
        "skipped": sorted(skipped),
        "changed": changed,
    }
    return pending_create(
        user=user, vault=vault, source=SOURCE, value=value, replace_older=replace_older
    ).id


def _decode(import_id: UUID, value: Any) -> DaylioPreview:
    try:
        if type(value) is not dict or value.get("v") != _VERSION:
            raise SealError("pending Daylio import of another shape")
        return DaylioPreview(
            id=import_id,
            rows=tuple(
                NewRow(
                    number=int(number),
                    day=date.fromisoformat(day),
                    time=str(at),
                    mood=str(mood),
                    tags=tuple(map(str, tags)),
                    note_title=str(title),
                    note=str(note),
                )
                for number, day, at, mood, tags, title, note in value["rows"]
            ),
            moods=tuple(
                Mood(key=str(key), name=str(name), rows=int(rows), default=DEFAULT_MOODS.get(key))
                for key, name, rows in value["moods"]
            ),
            already=int(value["already"]),
            skipped=tuple((int(n), str(r)) for n, r in value["skipped"]),
            changed=tuple((int(n), str(r)) for n, r in value["changed"]),
        )
    except (KeyError, TypeError, ValueError):
        raise SealError("pending Daylio import has an unexpected shape") from None


def daylio_preview(*, user: User, vault: Vault, import_id: UUID) -> DaylioPreview:
    """Return the pending Daylio import, opened. Raises Http404 (not theirs),
    ImportExpired, SealError."""
    opened = pending_open(user=user, vault=vault, source=SOURCE, import_id=import_id)
    return _decode(import_id, opened.value)


def _zone(user: User, vault: Vault) -> tzinfo:
    name = preferences_get(user=user, vault=vault).get("time_zone")
    if isinstance(name, str) and name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.get_current_timezone()


def note_text(row: NewRow) -> str:
    """The row's note with its title, as one text."""
    if row.note_title and row.note:
        return f"{row.note_title}\n\n{row.note}"
    return row.note_title or row.note


def _entry(row: NewRow) -> tuple[date, str, str, list[str], None]:
    """The journal entry a row's note becomes."""
    title, body = row.note_title, row.note
    if len(title) > journal_rules.MAX_TITLE:
        title, body = "", note_text(row)
    return row.day, title, body or title, list(row.tags), None


@transaction.atomic
def daylio_apply(
    *,
    user: User,
    vault: Vault,
    import_id: UUID,
    moods: Mapping[str, int | None],
    notes_to: NotesTo,
) -> DaylioResult:
    """Save the pending import as mapped, all or nothing; return what was added.

    ``moods`` gives each mood key a pleasantness step (−2..+2) or None (leave its
    rows out); a mood it does not name is left out too. Raises Http404 (not theirs,
    or already saved), ImportExpired, SealError, ValidationError (a bad mapping, or
    a row the rules refuse; nothing saved).
    """
    check_vault(user, vault)
    if notes_to not in ("checkin", "journal"):
        raise ValidationError("Please choose where notes go.")
    for value in moods.values():
        if value is not None and value not in WORD_FOR:
            raise ValidationError("Please choose one of the five steps for each mood.")
    taken = pending_take(user=user, vault=vault, source=SOURCE, import_id=import_id)
    preview = _decode(import_id, taken.value)
    zone = _zone(user, vault)
    drafts: list[CheckInDraft] = []
    entries: list[tuple[date, str, str, list[str], None]] = []
    left_out = 0
    for row in preview.rows:
        step = moods.get(row.mood)
        if step is None:
            left_out += 1
            continue
        text = note_text(row)
        in_journal = bool(text) and (notes_to == "journal" or len(text) > MAX_NOTE)
        if in_journal:
            entries.append(_entry(row))
        hour, minute = (int(part) for part in row.time.split(":"))
        drafts.append(
            CheckInDraft(
                when=datetime.combine(row.day, time(hour, minute), tzinfo=zone),
                pleasantness=step,
                energy=ENERGY,
                emotion=WORD_FOR[step],
                tags=row.tags,
                note="" if in_journal else text,
            )
        )
    added = checkins_create_many(user=user, vault=vault, checkins=drafts)
    written = entries_create_many(user=user, vault=vault, entries=entries) if entries else 0
    return DaylioResult(checkins=added, entries=written, left_out=left_out)
