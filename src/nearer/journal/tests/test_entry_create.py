"""entry_create: seals everything written, keeps only the date in the clear."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.content import CONTENT_LABEL, content_open
from nearer.journal.models import Entry
from nearer.journal.rules import MAX_BODY
from nearer.vault.crypto import SealError


def _create(person: Person, **fields: object) -> Entry:
    values: dict[str, object] = {
        "entry_date": date(2026, 5, 14),
        "title": "A walk",
        "body": "By the river.",
        "tags": [],
    }
    values.update(fields)
    return services.entry_create(user=person.user, vault=person.vault, **values)  # type: ignore[arg-type]


def test_it_saves_a_free_entry_that_opens_with_the_vault(alice: Person) -> None:
    entry = _create(alice, tags=["Walks", "river"])
    content = content_open(alice.vault, entry.id, Entry.objects.get(id=entry.id).content)
    assert content.title == "A walk"
    assert content.body == "By the river."
    assert content.tags == ("Walks", "river")
    assert content.kind == "free"
    assert content.prompt is None
    assert entry.owner_id == alice.user.pk
    assert entry.entry_date == date(2026, 5, 14)


def test_it_keeps_nothing_written_in_the_clear(alice: Person) -> None:
    entry = _create(alice, title="Canary title", body="Canary body words", tags=["canarytag"])
    raw = bytes(Entry.objects.get(id=entry.id).content)
    for word in (b"Canary", b"canarytag", b"title", b"body", b"free"):
        assert word not in raw


def test_it_binds_the_sealed_content_to_its_row(alice: Person) -> None:
    entry = _create(alice)
    with pytest.raises(SealError):
        alice.vault.open_json(CONTENT_LABEL, uuid.uuid4(), bytes(entry.content))


def test_it_makes_a_guided_entry_for_a_known_prompt(alice: Person) -> None:
    entry = _create(alice, prompt_key="compassion.friend-letter")
    content = content_open(alice.vault, entry.id, entry.content)
    assert content.kind == "guided"
    assert content.prompt == "compassion.friend-letter"


def test_it_makes_a_free_entry_for_an_unknown_prompt(alice: Person) -> None:
    entry = _create(alice, prompt_key="no-such-prompt")
    content = content_open(alice.vault, entry.id, entry.content)
    assert content.kind == "free"
    assert content.prompt is None


def test_it_normalises_tags(alice: Person) -> None:
    entry = _create(alice, tags=[" Family ", "#walks", "family", "", "FAMILY", "hard   day"])
    tags = content_open(alice.vault, entry.id, entry.content).tags
    assert tags == ("Family", "walks", "hard day")


def test_it_tidies_line_breaks_and_trims_the_body(alice: Person) -> None:
    entry = _create(alice, body="  one\r\ntwo\rthree  \n")
    assert content_open(alice.vault, entry.id, entry.content).body == "one\ntwo\nthree"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"body": "   "}, "body"),
        ({"body": "x" * (MAX_BODY + 1)}, "body"),
        ({"title": "t" * 201}, "title"),
        ({"tags": [f"tag{i}" for i in range(21)]}, "tags"),
        ({"tags": ["x" * 41]}, "tags"),
        ({"entry_date": date(1899, 12, 31)}, "entry_date"),
        ({"entry_date": date(2999, 1, 1)}, "entry_date"),
    ],
)
def test_it_refuses_bad_values_and_saves_nothing(
    alice: Person, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _create(alice, **fields)
    assert field in caught.value.message_dict
    assert not Entry.objects.exists()


def test_it_accepts_the_longest_body_allowed(alice: Person) -> None:
    entry = _create(alice, body="y" * MAX_BODY)
    assert len(content_open(alice.vault, entry.id, entry.content).body) == MAX_BODY


def test_it_refuses_a_vault_of_another_person(alice: Person, bob: Person) -> None:
    with pytest.raises(ValueError, match="vault"):
        services.entry_create(
            user=alice.user,
            vault=bob.vault,
            entry_date=date(2026, 5, 14),
            title="",
            body="words",
            tags=[],
        )
    assert not Entry.objects.exists()


def test_it_uses_a_chosen_id_once(alice: Person) -> None:
    chosen = uuid.uuid4()
    first = _create(alice, entry_id=chosen, body="first")
    again = _create(alice, entry_id=chosen, body="second")
    assert first.id == again.id == chosen
    assert Entry.objects.count() == 1
    assert content_open(alice.vault, chosen, Entry.objects.get().content).body == "first"


def test_it_ignores_a_chosen_id_that_belongs_to_someone_else(alice: Person, bob: Person) -> None:
    bobs = _create(bob, body="bob's words")
    mine = _create(alice, entry_id=bobs.id, body="alice's words")
    assert mine.id != bobs.id
    assert mine.owner_id == alice.user.pk
    assert content_open(bob.vault, bobs.id, Entry.objects.get(id=bobs.id).content).body == (
        "bob's words"
    )
