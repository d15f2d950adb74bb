"""Writes for the journal: create, edit and delete entries; pick a prompt.

Every function takes the person and their unlocked vault; text is sealed before
it reaches the database. Another person's entry id is a 404 by construction,
because rows are always looked up together with their owner.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get, preferences_update
from nearer.journal import rules
from nearer.journal.content import EntryContent, content_open, content_seal
from nearer.journal.models import Entry
from nearer.journal.prompts import Prompt, prompt_by_key, prompts_for
from nearer.journal.search_index import (
    SEARCH_TEXT,
    Item,
    MonthText,
    entry_indexed,
    entry_unindexed,
    item_for,
    subject_of,
)
from nearer.lib.owner import check_vault
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import derived_rebuild, derived_store

# How many recently shown prompts "give me a prompt" avoids repeating.
RECENT_PROMPTS = 20
RECENT_PROMPTS_KEY = "recent_prompts"


def _cleaned(*, entry_date: date, title: str, body: str, tags: list[str]) -> dict[str, Any]:
    """Return the cleaned fields or raise one ValidationError naming every bad field.

    Forms run the same rules first, so this only speaks when a service is called
    directly (the demo, imports) with values a form would have refused.
    """
    checks: dict[str, Callable[[], Any]] = {
        "entry_date": lambda: rules.entry_date_clean(entry_date, today=timezone.localdate()),
        "title": lambda: rules.title_clean(title),
        "body": lambda: rules.body_clean(body),
        "tags": lambda: rules.tags_clean(tags),
    }
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, check in checks.items():
        try:
            cleaned[name] = check()
        except ValidationError as exc:
            errors[name] = exc.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def entry_create(
    *,
    user: User,
    vault: Vault,
    entry_date: date,
    title: str,
    body: str,
    tags: list[str],
    prompt_key: str | None = None,
    entry_id: UUID | None = None,
) -> Entry:
    """Seal and save a new entry; return it. Guided when ``prompt_key`` is a known prompt.

    ``entry_id`` (optional) makes a retry safe: when this person already has an
    entry with that id, it is returned unchanged instead of saving a second copy;
    an id taken by anyone else is ignored. Raises ValidationError (nothing saved)
    when a value breaks the journal's rules.
    """
    check_vault(user, vault)
    cleaned = _cleaned(entry_date=entry_date, title=title, body=body, tags=tags)
    if entry_id is not None:
        existing = Entry.objects.filter(id=entry_id).first()
        if existing is not None:
            if existing.owner_id == user.pk:
                return existing
            entry_id = None
    entry, content = _sealed_entry(user, vault, cleaned, prompt_key, entry_id)
    entry.save(force_insert=True)
    entry_indexed(user=user, vault=vault, entry=entry, content=content)
    return entry


def _sealed_entry(
    user: User,
    vault: Vault,
    cleaned: dict[str, Any],
    prompt_key: str | None,
    entry_id: UUID | None = None,
) -> tuple[Entry, EntryContent]:
    """A new entry row (not saved yet) with its content sealed, and that content."""
    prompt = prompt_by_key(prompt_key)
    content = EntryContent(
        title=cleaned["title"],
        body=cleaned["body"],
        tags=tuple(cleaned["tags"]),
        kind="guided" if prompt else "free",
        prompt=prompt.key if prompt else None,
    )
    entry = Entry(owner=user, entry_date=cleaned["entry_date"])
    if entry_id is not None:
        entry.id = entry_id
    entry.content = content_seal(vault, entry.id, content)
    return entry, content


@transaction.atomic
def entries_create_many(
    *, user: User, vault: Vault, entries: Iterable[tuple[date, str, str, list[str], str | None]]
) -> int:
    """Seal and save many new entries at once, ``(date, title, body, tags, prompt_key)``
    each; return how many. Every entry is checked as ``entry_create`` checks it (a
    ValidationError saves nothing); each month touched gets its search text made once
    from its rows, instead of once per entry."""
    check_vault(user, vault)
    made = [
        _sealed_entry(
            user,
            vault,
            _cleaned(entry_date=entry_date, title=title, body=body, tags=tags),
            prompt_key,
        )
        for entry_date, title, body, tags, prompt_key in entries
    ]
    if not made:
        return 0
    days = [row.entry_date for row, _content in made]
    # Months that had entries before are worked out again from all their rows; a month
    # that had none holds just these, made from the text in hand (nothing opened again).
    had = {
        subject_of(month)
        for month in Entry.objects.filter(
            owner=user, entry_date__range=(min(days), max(days))
        ).dates("entry_date", "month")
    }
    Entry.objects.bulk_create([row for row, _content in made], batch_size=500)
    new_months: dict[UUID, list[Item]] = {}
    for row, content in made:
        subject = subject_of(row.entry_date)
        if subject not in had:
            item = item_for(row.id, row.entry_date, row.created_at, content)
            new_months.setdefault(subject, []).append(item)
    for subject in sorted({subject_of(day) for day in days}):
        if subject in new_months:
            derived_store(
                SEARCH_TEXT,
                user=user,
                vault=vault,
                subject=subject,
                value=MonthText.of(new_months[subject]),
            )
        else:
            derived_rebuild(SEARCH_TEXT, user=user, vault=vault, subject=subject)
    return len(made)


@transaction.atomic
def entry_update(
    *,
    user: User,
    vault: Vault,
    entry_id: UUID,
    entry_date: date,
    title: str,
    body: str,
    tags: list[str],
) -> Entry:
    """Replace an entry's date, title, body and tags; keep its kind and prompt.

    Raises Http404 when the entry is not this person's, and ValidationError (nothing
    changed) for bad values or an entry whose content can no longer be opened.
    """
    check_vault(user, vault)
    entry = Entry.objects.select_for_update().filter(owner=user, id=entry_id).first()
    if entry is None:
        raise Http404("No such entry.")
    cleaned = _cleaned(entry_date=entry_date, title=title, body=body, tags=tags)
    try:
        before = content_open(vault, entry.id, entry.content)
    except SealError:
        raise ValidationError(
            "This entry could not be opened, so it was not changed.", code="unreadable"
        ) from None
    content = EntryContent(
        title=cleaned["title"],
        body=cleaned["body"],
        tags=tuple(cleaned["tags"]),
        kind=before.kind,
        prompt=before.prompt,
    )
    moved_from = entry.entry_date
    entry.entry_date = cleaned["entry_date"]
    entry.content = content_seal(vault, entry.id, content)
    entry.save(update_fields=["entry_date", "content", "updated_at"])
    entry_indexed(user=user, vault=vault, entry=entry, content=content, moved_from=moved_from)
    return entry


@transaction.atomic
def entry_delete(*, user: User, vault: Vault, entry_id: UUID) -> None:
    """Delete one of this person's entries for good; Http404 when it is not theirs.

    The vault is needed to take the entry out of its month's search text.
    """
    check_vault(user, vault)
    entry_date = (
        Entry.objects.filter(owner=user, id=entry_id).values_list("entry_date", flat=True).first()
    )
    deleted, _ = Entry.objects.filter(owner=user, id=entry_id).delete()
    if entry_date is None or not deleted:
        raise Http404("No such entry.")
    entry_unindexed(user=user, vault=vault, entry_id=entry_id, entry_date=entry_date)


def recent_prompt_keys(prefs: dict[str, Any]) -> list[str]:
    """Return the keys of recently shown prompts from opened preferences, oldest first."""
    value = prefs.get(RECENT_PROMPTS_KEY)
    if not isinstance(value, list):
        return []
    return [key for key in value if isinstance(key, str)]


@transaction.atomic
def prompt_pick(*, user: User, vault: Vault, theme: str | None = None) -> Prompt:
    """Return a prompt (of ``theme`` if known) not among the last ones shown, and remember it.

    When every prompt of the theme was shown recently, the one shown longest ago
    comes back. The memory is a list of keys in the sealed preferences.
    """
    check_vault(user, vault)
    recent = recent_prompt_keys(preferences_get(user=user, vault=vault))
    pool = prompts_for(theme)
    fresh = [prompt for prompt in pool if prompt.key not in recent]
    if fresh:
        chosen = secrets.choice(fresh)
    else:
        age = {key: index for index, key in enumerate(recent)}
        chosen = min(pool, key=lambda prompt: age.get(prompt.key, -1))
    remembered = [key for key in recent if key != chosen.key] + [chosen.key]
    preferences_update(user=user, vault=vault, **{RECENT_PROMPTS_KEY: remembered[-RECENT_PROMPTS:]})
    return chosen
