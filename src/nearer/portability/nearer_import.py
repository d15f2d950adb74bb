"""Import a Nearer export (its zip, encrypted or not, or its JSON file).

Three steps, like the contacts import:

1. ``read_export`` takes the uploaded bytes and returns the document, or raises
   NotAnExport with a message for the person. Only ``nearer-export.json`` is read
   from a zip, at most ``MAX_JSON_BYTES`` of it (a small zip cannot unpack into a
   huge file), and every item is checked for its shape and limits here, before
   anything is compared or saved.
2. ``import_prepare`` sorts the document against what the account already has —
   an item already there (same person by name, same entry, check-in, moment…) is
   left out — and seals what would be added as a pending import
   (``portability.pending``). The preview shows its counts.
3. ``import_apply`` adds everything in one transaction, through the apps'
   services where a service can say everything the file says (people, dates,
   ratings, journal, check-ins, scales, moments); shares, deck sessions and the
   deck state are sealed exactly as their services seal them and written in bulk
   (their services walk a person through steps and cannot set a finished state),
   and their derived values are rebuilt. A ValidationError anywhere saves nothing.

Re-importing the same file finds every item already there and offers nothing.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from uuid import UUID

import pyzipper
from django.core.exceptions import ValidationError
from django.db import transaction

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get, preferences_update
from nearer.checkins.content import CheckInContent
from nearer.checkins.services import checkin_create
from nearer.decks import state as deck_state
from nearer.decks.depth import DEPTH
from nearer.decks.models import DeckSession, DeckState
from nearer.decks.session_content import SessionContent
from nearer.decks.session_content import content_seal as session_seal
from nearer.journal.content import EntryContent
from nearer.journal.services import entries_create_many
from nearer.lib.owner import check_vault
from nearer.moments.content import MomentContent
from nearer.moments.services import moments_create_many
from nearer.opening.content import ShareContent
from nearer.opening.content import content_seal as share_seal
from nearer.opening.felt import FELT
from nearer.opening.models import Share
from nearer.opening.shown import SHOWN
from nearer.people.content import PersonDetails
from nearer.people.imports import name_key
from nearer.people.index import index_put, summary_of
from nearer.people.models import Person
from nearer.people.rules import DateDraft
from nearer.people.services import closeness_rate, date_add, people_create_many
from nearer.portability import export_data as data
from nearer.portability.models import PendingImport
from nearer.portability.pending import pending_create, pending_take
from nearer.scales.content import ResultContent
from nearer.scales.services import result_create
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import derived_rebuild

SOURCE = PendingImport.Source.NEARER
# Stated on the upload page. The ten-year demo's export is about a tenth of these.
MAX_UPLOAD_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 160 * 1024 * 1024
MAX_ITEMS = 250_000
MAX_PASSPHRASE = 1024
# Preferences are small (a time zone, a name, rhythms): a bigger value is not ours.
MAX_PREFERENCES_BYTES = 64 * 1024

LIST_KEYS = ("people", "journal", "checkins", "scale_results", "moments", "shares", "deck_sessions")


class NotAnExport(Exception):
    """The upload is not a Nearer export this version can read; ``str()`` says why."""


class NeedsPassphrase(NotAnExport):
    """The zip is encrypted and no passphrase (or the wrong one) was given."""


# --- Reading ---------------------------------------------------------------------


# What reading a damaged zip can raise (pyzipper's own copy of zipfile has its own
# BadZipFile; a damaged deflate stream is a zlib.error; a cut header a struct.error).
_BROKEN_ZIP = (
    zipfile.BadZipFile,
    pyzipper.BadZipFile,
    pyzipper.LargeZipFile,
    zlib.error,
    struct.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    UnicodeDecodeError,
)


def _json_from_zip(raw: bytes, passphrase: str, *, outer: bool = True) -> bytes:
    """The bytes of nearer-export.json in a zip: the export's own zip, or the encrypted
    download that holds it as nearer-export.zip (opened once, never deeper)."""
    try:
        archive = pyzipper.AESZipFile(io.BytesIO(raw))
    except _BROKEN_ZIP as exc:
        raise NotAnExport("This zip file is damaged or incomplete.") from exc
    with archive:
        names = set(archive.namelist())
        if data.JSON_NAME in names:
            return _member(archive, data.JSON_NAME, passphrase, MAX_JSON_BYTES)
        if outer and data.INNER_NAME in names:
            inner = _member(archive, data.INNER_NAME, passphrase, MAX_UPLOAD_BYTES)
            return _json_from_zip(inner, "", outer=False)
    raise NotAnExport(f"This zip has no {data.JSON_NAME} in it, so it is not a Nearer export.")


def _member(archive: Any, name: str, passphrase: str, limit: int) -> bytes:
    """One file of ``archive``, decrypted with ``passphrase`` when it is encrypted, and
    never more than ``limit`` bytes of it (a small zip cannot unpack into a huge file)."""
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise NotAnExport(_too_big_json())
    encrypted = bool(info.flag_bits & 0x1)
    if encrypted and not passphrase:
        raise NeedsPassphrase(
            "This export is encrypted. Please give the passphrase it was made with."
        )
    try:
        archive.setpassword(passphrase.encode("utf-8") if encrypted else None)
        with archive.open(info) as member:
            content: bytes = member.read(limit + 1)
    except _BROKEN_ZIP as exc:  # before RuntimeError: NotImplementedError is one
        raise NotAnExport("This zip file is damaged or incomplete.") from exc
    except RuntimeError as exc:  # pyzipper: wrong or missing password
        raise NeedsPassphrase(
            "That passphrase does not open this export. Please try again."
        ) from exc
    if len(content) > limit:
        raise NotAnExport(_too_big_json())
    return content


def _too_big_json() -> str:
    limit = MAX_JSON_BYTES // (1024 * 1024)
    return f"The export's JSON is larger than {limit} MB, more than this import reads."


def read_export(raw: bytes, *, passphrase: str = "") -> dict[str, Any]:
    """Return the checked document of a Nearer export (zip or JSON bytes).

    Raises NotAnExport (NeedsPassphrase for an encrypted zip without the right
    passphrase) with a message for the person; never anything else for bad bytes.
    """
    if len(raw) > MAX_UPLOAD_BYTES:
        raise NotAnExport(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    text = _json_from_zip(raw, passphrase) if raw[:4] == b"PK\x03\x04" else raw
    try:
        value = json.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotAnExport("This file is neither a Nearer export's zip nor its JSON.") from None
    except (ValueError, RecursionError):
        raise NotAnExport("This file is not a Nearer export: its JSON cannot be read.") from None
    return check_document(value)


# --- Checking ------------------------------------------------------------------------


class _Bad(Exception):
    pass


def _need(ok: bool, what: str) -> None:
    if not ok:
        raise _Bad(what)


def _text(value: Any, what: str) -> str:
    _need(type(value) is str, f"{what} is not text")
    return str(value)


def _int_or_none(value: Any, what: str) -> int | None:
    _need(value is None or type(value) is int, f"{what} is not a whole number")
    return value  # type: ignore[no-any-return]


def _int(value: Any, what: str) -> int:
    _need(type(value) is int, f"{what} is not a whole number")
    return int(value)


def _day(value: Any, what: str) -> str:
    try:
        return date.fromisoformat(_text(value, what)).isoformat()
    except ValueError:
        raise _Bad(f"{what} is not a date") from None


def _day_or_none(value: Any, what: str) -> str | None:
    return None if value is None else _day(value, what)


def _moment_of(value: Any, what: str) -> str:
    try:
        parsed = datetime.fromisoformat(_text(value, what))
    except ValueError:
        raise _Bad(f"{what} is not a date and time") from None
    _need(parsed.tzinfo is not None, f"{what} has no time zone")
    return parsed.isoformat()


def _moment_or_none(value: Any, what: str) -> str | None:
    return None if value is None else _moment_of(value, what)


def _id(value: Any, what: str) -> str:
    try:
        return str(UUID(_text(value, what)))
    except ValueError:
        raise _Bad(f"{what} is not an id") from None


def _id_or_none(value: Any, what: str) -> str | None:
    return None if value is None else _id(value, what)


def _content(build: Callable[[Any], Any], item: Mapping[str, Any]) -> dict[str, Any]:
    try:
        return dict(build(item).as_json())
    except (SealError, KeyError, TypeError, ValueError) as exc:
        raise _Bad(str(exc) or "its content has an unexpected shape") from None


def _person(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    checked = {"id": _id(item.get("id"), "its id"), **_content(PersonDetails.from_json, item)}
    checked["archived_at"] = _moment_or_none(item.get("archived_at"), "archived_at")
    checked["snoozed_until"] = _day_or_none(item.get("snoozed_until"), "snoozed_until")
    dates = item.get("important_dates", [])
    ratings = item.get("closeness_ratings", [])
    _need(type(dates) is list and type(ratings) is list, "its dates or ratings are not lists")
    checked["important_dates"] = []
    for one in dates:
        _need(type(one) is dict, "a date is not an object")
        checked["important_dates"].append(
            {
                "kind": _text(one.get("kind"), "a date's kind"),
                "label": _text(one.get("label", ""), "a date's label"),
                "month": _int(one.get("month"), "a date's month"),
                "day": _int(one.get("day"), "a date's day"),
                "year": _int_or_none(one.get("year"), "a date's year"),
            }
        )
    checked["closeness_ratings"] = []
    for one in ratings:
        _need(type(one) is dict, "a rating is not an object")
        value = one.get("value")
        _need(type(value) is int, "a rating is not a whole number")
        checked["closeness_ratings"].append(
            {"rated_on": _day(one.get("rated_on"), "a rating's day"), "value": value}
        )
    return checked


def _entry(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    return {
        "id": _id(item.get("id"), "its id"),
        "date": _day(item.get("date"), "its date"),
        **_content(EntryContent.from_json, item),
    }


def _checkin(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    checked = {
        "at": _moment_of(item.get("at"), "its moment"),
        "local_date": _day(item.get("local_date"), "its day"),
        **_content(CheckInContent.from_json, item),
    }
    checked["people"] = [_id(p, "a person") for p in checked["people"]]
    return checked


def _scale_result(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    return {
        "taken_at": _moment_of(item.get("taken_at"), "taken_at"),
        "taken_on": _day(item.get("taken_on"), "taken_on"),
        **_content(ResultContent.from_json, item),
    }


def _moment(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    moment_id = _id(item.get("id"), "its id")
    people = item.get("people")
    _need(type(people) is list, "its people are not a list")
    checked = {
        "id": moment_id,
        "occurred_on": _day(item.get("occurred_on"), "its day"),
        "people": [_id(p, "a person") for p in people],
        **_content(MomentContent.from_json, item),
    }
    if checked["time"] is not None:
        try:
            checked["time"] = time.fromisoformat(checked["time"]).strftime("%H:%M")
        except ValueError:
            raise _Bad("its time of day is not a time") from None
    return checked


def _share(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    state = item.get("state")
    _need(state in Share.State.values, "its state is unknown")
    checked = {
        "state": state,
        "shared_on": _day_or_none(item.get("shared_on"), "shared_on"),
        "moment": _id_or_none(item.get("moment"), "its moment"),
        "entry": _id_or_none(item.get("entry"), "its entry"),
        "created_at": _moment_of(item.get("created_at"), "created_at"),
        "updated_at": _moment_of(item.get("updated_at"), "updated_at"),
        **_content(ShareContent.from_json, item),
    }
    checked["people"] = [_id(p, "a person") for p in checked["people"]]
    return checked


def _deck_session(item: Any) -> dict[str, Any]:
    _need(type(item) is dict, "is not an object")
    state = item.get("state")
    _need(state in DeckSession.State.values, "its state is unknown")
    return {
        "person": _id(item.get("person"), "its person"),
        "state": state,
        "started_at": _moment_of(item.get("started_at"), "started_at"),
        "ended_at": _moment_or_none(item.get("ended_at"), "ended_at"),
        "moment": _id_or_none(item.get("moment"), "its moment"),
        **_content(SessionContent.from_json, item),
    }


_CHECKS: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "people": ("Person", _person),
    "journal": ("Journal entry", _entry),
    "checkins": ("Check-in", _checkin),
    "scale_results": ("Scale result", _scale_result),
    "moments": ("Moment", _moment),
    "shares": ("Opening-up share", _share),
    "deck_sessions": ("Deck session", _deck_session),
}


def check_document(value: Any) -> dict[str, Any]:
    """Return the export's content checked and reduced to what an import uses.

    Raises NotAnExport naming the first item that is not right ("Moment 12: ...").
    """
    if type(value) is not dict or value.get("format") != data.FORMAT:
        raise NotAnExport("This file is not a Nearer export.")
    version = value.get("version")
    if type(version) is not int or version < 1:
        raise NotAnExport("This file is not a Nearer export: it has no format version.")
    if version > data.VERSION:
        raise NotAnExport(
            f"This export is of a newer format (version {version}) than this Nearer reads "
            f"(version {data.VERSION}). Please update Nearer first."
        )
    total = 0
    checked: dict[str, Any] = {}
    for key in LIST_KEYS:
        items = value.get(key, [])
        if type(items) is not list:
            raise NotAnExport(f"This export's {key} is not a list.")
        total += len(items)
        if total > MAX_ITEMS:
            raise NotAnExport(
                f"This export has more than {MAX_ITEMS:,} items, more than one import takes."
            )
        word, check = _CHECKS[key]
        out = []
        for position, item in enumerate(items, start=1):
            try:
                out.append(check(item))
            except _Bad as exc:
                raise NotAnExport(f"{word} {position} in the file: {exc}.") from None
        checked[key] = out
    prefs = value.get("preferences", {})
    if type(prefs) is not dict or len(json.dumps(prefs)) > MAX_PREFERENCES_BYTES:
        raise NotAnExport("This export's preferences are not readable.")
    # Each preference is read by its own page, which ignores a malformed value; only
    # names that would collide with the service's own arguments are left out.
    checked["preferences"] = {k: v for k, v in prefs.items() if k not in ("user", "vault")}
    deck = value.get("deck")
    if deck is not None:
        try:
            checked["deck"] = deck_state.DeckContent.from_json(deck).as_json()
        except SealError:
            raise NotAnExport("This export's conversation-deck state is not readable.") from None
    else:
        checked["deck"] = None
    _check_links(checked)
    return checked


def _check_links(doc: Mapping[str, Any]) -> None:
    """Every moment an item points to, and every deck session's person, is in the file.

    A check-in, share or moment may name someone who is not: a person deleted from
    People stays named in them, as in Nearer itself. Those names are dropped here
    (there is no one to link them to); a moment left with nobody is not imported
    (``sort_document`` counts it as left out).
    """
    people = {p["id"] for p in doc["people"]}
    moments = {m["id"] for m in doc["moments"]}
    for key in ("checkins", "moments", "shares"):
        for item in doc[key]:
            item["people"] = [person for person in item["people"] if person in people]
    for item in doc["deck_sessions"]:
        if item["person"] not in people:
            raise NotAnExport("A deck session in the file is with someone who is not in it.")
    for key in ("shares", "deck_sessions"):
        for item in doc[key]:
            if item["moment"] is not None and item["moment"] not in moments:
                raise NotAnExport("An item in the file points to a moment that is not in it.")


# --- Sorting against the account ----------------------------------------------------


def _key(*parts: Any) -> str:
    return json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _names(ids: Iterable[str], name_of: Mapping[str, str]) -> list[str]:
    return sorted(name_of.get(person_id, "") for person_id in ids)


def _entry_key(item: Mapping[str, Any]) -> str:
    return _key(item["date"], item["title"], item["body"])


def _checkin_key(item: Mapping[str, Any]) -> str:
    return _key(datetime.fromisoformat(item["at"]).astimezone(UTC).isoformat(), item["emotion"])


def _result_key(item: Mapping[str, Any]) -> str:
    return _key(datetime.fromisoformat(item["taken_at"]).astimezone(UTC).isoformat(), item["scale"])


def _moment_key(item: Mapping[str, Any], name_of: Mapping[str, str]) -> str:
    return _key(
        item["occurred_on"],
        item["how"],
        item["time"],
        item["note"],
        _names(item["people"], name_of),
    )


def _share_key(item: Mapping[str, Any]) -> str:
    return _key(
        datetime.fromisoformat(item["created_at"]).astimezone(UTC).isoformat(), item["text"]
    )


def _session_key(item: Mapping[str, Any], name_of: Mapping[str, str]) -> str:
    started = datetime.fromisoformat(item["started_at"]).astimezone(UTC).isoformat()
    return _key(started, name_of.get(item["person"], ""))


@dataclass(frozen=True, slots=True)
class Counted:
    """One kind in the preview: how many are new and how many are already there."""

    key: str
    words: str
    new: int
    there: int


PREVIEW_KINDS: tuple[tuple[str, str], ...] = (
    ("people", "people"),
    ("important_dates", "important dates"),
    ("closeness_ratings", "closeness ratings"),
    ("journal", "journal entries"),
    ("checkins", "check-ins"),
    ("scale_results", "scale results"),
    ("moments", "moments"),
    ("shares", "opening-up shares"),
    ("deck_sessions", "conversation-deck sessions"),
    ("preferences", "preferences"),
)


def sort_document(*, user: User, vault: Vault, doc: Mapping[str, Any]) -> dict[str, Any]:
    """Return what importing ``doc`` would add to the account, and counts for the preview.

    People already there (same name, compared as the contacts import compares) are
    matched, not added again: their new dates and ratings are added to them. Two
    people of one name are two people: the file's first of a name is matched with the
    account's first of it, the second with the second, so the account's own export
    matches itself one to one.
    """
    check_vault(user, vault)
    scratch = data.Gathered()
    existing_people = list(data.people_items(user=user, vault=vault, gathered=scratch))
    by_name: dict[str, list[dict[str, Any]]] = {}
    for known in existing_people:
        by_name.setdefault(name_key(str(known["name"])), []).append(known)
    name_of = {str(p["id"]): name_key(str(p["name"])) for p in existing_people}
    new: dict[str, int] = {key: 0 for key, _ in PREVIEW_KINDS}
    there: dict[str, int] = dict(new)
    people_out = []
    for person in doc["people"]:
        key = name_key(str(person["name"]))
        name_of[person["id"]] = key
        waiting = by_name.get(key)
        match = waiting.pop(0) if waiting else None
        had_dates = set()
        had_ratings = set()
        if match is not None:
            there["people"] += 1
            had_dates = {
                _key(d["kind"], d["month"], d["day"], d["year"], d["label"])
                for d in match["important_dates"]
            }
            had_ratings = {r["rated_on"] for r in match["closeness_ratings"]}
        else:
            new["people"] += 1
        dates = []
        for one in person["important_dates"]:
            date_key = _key(one["kind"], one["month"], one["day"], one["year"], one["label"])
            if date_key in had_dates:
                there["important_dates"] += 1
            else:
                had_dates.add(date_key)
                new["important_dates"] += 1
                dates.append(one)
        ratings = []
        for one in person["closeness_ratings"]:
            if one["rated_on"] in had_ratings:
                there["closeness_ratings"] += 1
            else:
                had_ratings.add(one["rated_on"])
                new["closeness_ratings"] += 1
                ratings.append(one)
        people_out.append(
            {
                **person,
                "important_dates": dates,
                "closeness_ratings": ratings,
                "existing": str(match["id"]) if match is not None else None,
            }
        )

    def kept(
        key: str,
        items: Iterable[dict[str, Any]],
        make: Callable[[dict[str, Any]], str],
        have: Iterable[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        seen = {make(item) for item in have}
        out = []
        for item in items:
            fingerprint = make(item)
            if fingerprint in seen:
                there[key] += 1
            else:
                seen.add(fingerprint)
                new[key] += 1
                out.append(item)
        return out

    def existing(reader: Callable[..., Iterable[dict[str, Any]]]) -> Iterable[dict[str, Any]]:
        return reader(user=user, vault=vault, gathered=scratch)

    # A moment already there (in the account, or earlier in the file) is not added; a
    # share or session pointing to it points to that one instead.
    moment_rows: dict[str, str] = {
        _moment_key(m, name_of): "account:" + str(m["id"]) for m in existing(data.moment_items)
    }
    moments_out = []
    moment_links: dict[str, str] = {}
    left_out: dict[str, int] = {"moments": 0}
    for moment in doc["moments"]:
        fingerprint = _moment_key(moment, name_of)
        if not moment["people"]:
            left_out["moments"] += 1  # with no one still in People: nothing to link
        elif fingerprint in moment_rows:
            there["moments"] += 1
            moment_links[moment["id"]] = moment_rows[fingerprint]
        else:
            new["moments"] += 1
            moment_rows[fingerprint] = "file:" + moment["id"]
            moments_out.append(moment)
    linked_entries = {s["entry"] for s in doc["shares"] if s["entry"]}
    entry_links = {e["id"]: _entry_key(e) for e in doc["journal"] if e["id"] in linked_entries}

    result: dict[str, Any] = {"people": people_out}
    result["journal"] = kept("journal", doc["journal"], _entry_key, existing(data.journal_items))
    result["checkins"] = kept(
        "checkins", doc["checkins"], _checkin_key, existing(data.checkin_items)
    )
    result["scale_results"] = kept(
        "scale_results", doc["scale_results"], _result_key, existing(data.scale_result_items)
    )
    result["moments"] = moments_out
    result["moment_links"] = moment_links
    result["entry_links"] = entry_links
    result["shares"] = kept("shares", doc["shares"], _share_key, existing(data.share_items))
    result["deck_sessions"] = kept(
        "deck_sessions",
        doc["deck_sessions"],
        lambda s: _session_key(s, name_of),
        existing(data.deck_session_items),
    )
    have_prefs = preferences_get(user=user, vault=vault)
    prefs = {k: v for k, v in doc["preferences"].items() if k not in have_prefs}
    there["preferences"] = len(doc["preferences"]) - len(prefs)
    new["preferences"] = len(prefs)
    result["preferences"] = prefs
    deck = doc["deck"]
    have_deck = data.deck_item(user=user, vault=vault, gathered=scratch)
    if deck is not None and have_deck is not None:
        merged = {
            k: list(dict.fromkeys([*have_deck[k], *deck[k]]))
            for k in ("favourites", "hidden", "opt_ins")
        }
        merged["recent"] = have_deck["recent"]
        deck = None if merged == have_deck else merged
    result["deck"] = deck
    result["new"] = new
    result["there"] = there
    result["left_out"] = left_out
    return result


# --- The steps the pages call ---------------------------------------------------------


def import_prepare(*, user: User, vault: Vault, raw: bytes, passphrase: str = "") -> PendingImport:
    """Read, check and sort an upload; seal the result as a pending import and return it.

    Raises NotAnExport (nothing saved) when the bytes are not a readable export.
    """
    doc = read_export(raw, passphrase=passphrase)
    sorted_doc = sort_document(user=user, vault=vault, doc=doc)
    return pending_create(user=user, vault=vault, source=SOURCE, value=sorted_doc)


def preview_counts(value: Mapping[str, Any]) -> list[Counted]:
    """The preview's rows: each kind with its new and already-there counts."""
    new, there = value.get("new", {}), value.get("there", {})
    return [
        Counted(key, words, int(new.get(key, 0)), int(there.get(key, 0)))
        for key, words in PREVIEW_KINDS
        if new.get(key, 0) or there.get(key, 0)
    ]


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Added:
    """How many of each kind an import added."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@transaction.atomic
def import_apply(*, user: User, vault: Vault, import_id: UUID) -> Added:
    """Add everything the pending import holds, all at once; return the counts.

    Raises Http404 / ImportExpired as ``pending_take`` does, and ValidationError
    (nothing saved, the pending import kept) when an item breaks an app's rules.
    """
    check_vault(user, vault)
    value = pending_take(user=user, vault=vault, source=SOURCE, import_id=import_id).value
    counts: dict[str, int] = {}
    person_map = _apply_people(user, vault, value["people"], counts)
    moment_map = _apply_journal_and_moments(user, vault, value, person_map, counts)
    _apply_checkins_and_scales(user, vault, value, person_map, counts)
    _apply_shares_and_sessions(user, vault, value, person_map, moment_map, counts)
    if value["preferences"]:
        preferences_update(user=user, vault=vault, **value["preferences"])
        counts["preferences"] = len(value["preferences"])
    if value["deck"] is not None:
        row = DeckState.objects.select_for_update().filter(owner=user).first() or DeckState(
            owner=user
        )
        content = deck_state.DeckContent.from_json(value["deck"])
        row.content = deck_state.content_seal(vault, row.id, content)
        row.save()
    return Added(counts={k: v for k, v in counts.items() if v})


def _apply_people(
    user: User, vault: Vault, people: list[dict[str, Any]], counts: dict[str, int]
) -> dict[str, str]:
    """Add new people (with their dates) and new dates/ratings of matched ones; return
    the file's person ids → the account's."""
    person_map: dict[str, str] = {}
    new_people = [p for p in people if p["existing"] is None]

    def drafts(person: Mapping[str, Any]) -> list[DateDraft]:
        return [
            DateDraft(
                kind=d["kind"], month=d["month"], day=d["day"], year=d["year"], label=d["label"]
            )
            for d in person["important_dates"]
        ]

    rows = people_create_many(
        user=user,
        vault=vault,
        people=[(PersonDetails.from_json(p), drafts(p)) for p in new_people],
    )
    archived = []
    for person, row in zip(new_people, rows, strict=True):
        person_map[person["id"]] = str(row.id)
        if person["archived_at"] or person["snoozed_until"]:
            Person.objects.filter(owner=user, id=row.id).update(
                archived_at=_aware(person["archived_at"]) if person["archived_at"] else None,
                snoozed_until=date.fromisoformat(person["snoozed_until"])
                if person["snoozed_until"]
                else None,
            )
            if person["archived_at"]:
                archived.append(
                    summary_of(str(row.id), PersonDetails.from_json(person), archived=True)
                )
        counts["important_dates"] = counts.get("important_dates", 0) + len(
            person["important_dates"]
        )
    if archived:
        index_put(user=user, vault=vault, summaries=archived)
    counts["people"] = len(rows)
    for person in people:
        if person["existing"] is not None:
            person_map[person["id"]] = person["existing"]
            for draft in drafts(person):
                date_add(user=user, vault=vault, person_id=UUID(person["existing"]), draft=draft)
                counts["important_dates"] = counts.get("important_dates", 0) + 1
        for rating in person["closeness_ratings"]:
            closeness_rate(
                user=user,
                vault=vault,
                person_id=UUID(person_map[person["id"]]),
                value=rating["value"],
                rated_on=date.fromisoformat(rating["rated_on"]),
            )
            counts["closeness_ratings"] = counts.get("closeness_ratings", 0) + 1
    return person_map


def _mapped(ids: Iterable[str], person_map: Mapping[str, str]) -> list[str]:
    return [person_map[person_id] for person_id in ids]


def _apply_journal_and_moments(
    user: User,
    vault: Vault,
    value: Mapping[str, Any],
    person_map: Mapping[str, str],
    counts: dict[str, int],
) -> dict[str, str]:
    counts["journal"] = entries_create_many(
        user=user,
        vault=vault,
        entries=[
            (date.fromisoformat(e["date"]), e["title"], e["body"], list(e["tags"]), e["prompt"])
            for e in value["journal"]
        ],
    )
    moment_map: dict[str, str] = {}
    # All at once: the account's derived counts are worked out once, not per moment.
    made = moments_create_many(
        user=user,
        vault=vault,
        moments=[
            {
                "occurred_on": date.fromisoformat(item["occurred_on"]),
                "person_ids": _mapped(item["people"], person_map),
                "how": item["how"],
                "at": time.fromisoformat(item["time"]) if item["time"] else None,
                "minutes": item["minutes"],
                "kinds": item["kinds"],
                "closeness": item["closeness"],
                "opened_up": item["opened_up"],
                "note": item["note"],
            }
            for item in value["moments"]
        ],
    )
    for item, moment in zip(value["moments"], made, strict=True):
        moment_map[item["id"]] = str(moment.id)
    counts["moments"] = len(moment_map)
    for file_id, link in value["moment_links"].items():
        where, _, linked = link.partition(":")
        moment_map[file_id] = linked if where == "account" else moment_map[linked]
    return moment_map


def _entry_map(user: User, vault: Vault, entry_links: Mapping[str, str]) -> dict[str, str]:
    """The file's ids of entries that shares point to → the account's entries (read back
    by what they say: the journal's bulk create does not return its rows)."""
    if not entry_links:
        return {}
    wanted = {fingerprint: file_id for file_id, fingerprint in entry_links.items()}
    found: dict[str, str] = {}
    for entry in data.journal_items(user=user, vault=vault, gathered=data.Gathered()):
        fingerprint = _entry_key(entry)
        if fingerprint in wanted:
            found[wanted[fingerprint]] = str(entry["id"])
    return found


def _local(at: datetime, local_date: date, clock: str) -> datetime:
    """The check-in's moment in the zone it was made in, worked out from the UTC moment,
    the local day and the local time the export kept."""
    if not clock:
        return at
    hours, minutes = map(int, clock.split(":"))
    local_naive = datetime.combine(local_date, time(hours, minutes))
    offset = local_naive - at.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    if abs(offset) >= timedelta(hours=24):
        return at
    return at.astimezone(timezone(offset))


def _apply_checkins_and_scales(
    user: User,
    vault: Vault,
    value: Mapping[str, Any],
    person_map: Mapping[str, str],
    counts: dict[str, int],
) -> None:
    for item in value["checkins"]:
        checkin_create(
            user=user,
            vault=vault,
            pleasantness=item["pleasantness"],
            energy=item["energy"],
            emotion=item["emotion"],
            people=_mapped(item["people"], person_map),
            tags=list(item["tags"]),
            note=item["note"],
            when=_local(_aware(item["at"]), date.fromisoformat(item["local_date"]), item["time"]),
        )
    counts["checkins"] = len(value["checkins"])
    for item in value["scale_results"]:
        result_create(
            user=user,
            vault=vault,
            scale_key=item["scale"],
            answers=item["answers"],
            taken_on=date.fromisoformat(item["taken_on"]),
            taken_at=_aware(item["taken_at"]),
            remember=False,
        )
    counts["scale_results"] = len(value["scale_results"])


def _apply_shares_and_sessions(
    user: User,
    vault: Vault,
    value: Mapping[str, Any],
    person_map: Mapping[str, str],
    moment_map: Mapping[str, str],
    counts: dict[str, int],
) -> None:
    entry_map = _entry_map(user, vault, value["entry_links"])
    shares = []
    for item in value["shares"]:
        content = ShareContent.from_json({**item, "people": _mapped(item["people"], person_map)})
        share = Share(
            owner=user,
            state=item["state"],
            shared_on=date.fromisoformat(item["shared_on"]) if item["shared_on"] else None,
            moment_id=moment_map.get(item["moment"]) if item["moment"] else None,
            entry_id=entry_map.get(item["entry"]) if item["entry"] else None,
        )
        share.content = share_seal(vault, share.id, content)
        shares.append((share, item))
    Share.objects.bulk_create([share for share, _ in shares], batch_size=500)
    # When it was prepared is the person's own history, not the import's moment.
    for share, item in shares:
        share.created_at, share.updated_at = _aware(item["created_at"]), _aware(item["updated_at"])
    Share.objects.bulk_update([s for s, _ in shares], ["created_at", "updated_at"], batch_size=500)
    counts["shares"] = len(shares)
    sessions = []
    for item in value["deck_sessions"]:
        session = DeckSession(
            owner=user,
            person_id=person_map[item["person"]],
            state=item["state"],
            started_at=_aware(item["started_at"]),
            ended_at=_aware(item["ended_at"]) if item["ended_at"] else None,
            moment_id=moment_map.get(item["moment"]) if item["moment"] else None,
        )
        session.content = session_seal(vault, session.id, SessionContent.from_json(item))
        sessions.append(session)
    DeckSession.objects.bulk_create(sessions, batch_size=500)
    counts["deck_sessions"] = len(sessions)
    # Written past their services: the values derived from them are worked out again.
    if shares:
        derived_rebuild(SHOWN, user=user, vault=vault)
        derived_rebuild(FELT, user=user, vault=vault)
    if sessions:
        derived_rebuild(DEPTH, user=user, vault=vault)


__all__ = [
    "MAX_ITEMS",
    "MAX_JSON_BYTES",
    "MAX_UPLOAD_BYTES",
    "Added",
    "Counted",
    "NeedsPassphrase",
    "NotAnExport",
    "ValidationError",
    "check_document",
    "import_apply",
    "import_prepare",
    "preview_counts",
    "read_export",
    "sort_document",
]
