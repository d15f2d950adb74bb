"""entry_update: new words, same kind and prompt; other people's entries are out of reach."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def _update(person: Person, entry: Entry, **fields: object) -> Entry:
    values: dict[str, object] = {
        "entry_date": date(2026, 5, 15),
        "title": "New title",
        "body": "New words.",
        "tags": ["new"],
    }
    values.update(fields)
    return services.entry_update(
        user=person.user,
        vault=person.vault,
        entry_id=entry.id,
        **values,  # type: ignore[arg-type]
    )


def test_it_replaces_date_title_body_and_tags(alice: Person, write: Write) -> None:
    entry = write(alice, title="Old", body="Old words.", tags=["old"])
    _update(alice, entry)
    stored = Entry.objects.get(id=entry.id)
    content = content_open(alice.vault, entry.id, stored.content)
    assert (content.title, content.body, content.tags) == ("New title", "New words.", ("new",))
    assert stored.entry_date == date(2026, 5, 15)


def test_it_keeps_a_guided_entry_guided_with_its_prompt(alice: Person, write: Write) -> None:
    entry = write(alice, prompt_key="opening-up.unsaid")
    _update(alice, entry)
    content = content_open(alice.vault, entry.id, Entry.objects.get(id=entry.id).content)
    assert content.kind == "guided"
    assert content.prompt == "opening-up.unsaid"


def test_it_is_a_404_for_someone_elses_entry_and_changes_nothing(
    alice: Person, charlie: Person, write: Write
) -> None:
    entry = write(alice, body="Alice's words.")
    before = bytes(Entry.objects.get(id=entry.id).content)
    with pytest.raises(Http404):
        _update(charlie, entry)
    assert bytes(Entry.objects.get(id=entry.id).content) == before


def test_it_refuses_bad_values_and_changes_nothing(alice: Person, write: Write) -> None:
    entry = write(alice, body="Kept.")
    before = bytes(Entry.objects.get(id=entry.id).content)
    with pytest.raises(ValidationError):
        _update(alice, entry, body="")
    assert bytes(Entry.objects.get(id=entry.id).content) == before


def test_it_refuses_an_entry_that_no_longer_opens(alice: Person, write: Write) -> None:
    entry = write(alice)
    damaged = bytearray(entry.content)
    damaged[-1] ^= 1
    Entry.objects.filter(id=entry.id).update(content=bytes(damaged))
    with pytest.raises(ValidationError, match="could not be opened"):
        _update(alice, entry)
    assert bytes(Entry.objects.get(id=entry.id).content) == bytes(damaged)
