"""The per-request Vault: values are bound to their label, row and user."""

from __future__ import annotations

import uuid

import pytest

from nearer.vault.box import Vault
from nearer.vault.crypto import SealError, new_key
from nearer.vault.models import Keyring


@pytest.fixture
def vault() -> Vault:
    return Vault(user_id=7, dek=new_key())


def test_it_opens_text_sealed_for_the_same_place(vault: Vault) -> None:
    row = uuid.uuid4()
    sealed = vault.seal_text("journal.entry.body", row, "Ünïcode and emoji 🌿")
    assert vault.open_text("journal.entry.body", row, sealed) == "Ünïcode and emoji 🌿"


def test_it_opens_json_sealed_for_the_same_place(vault: Vault) -> None:
    value = {"tags": ["calm", "ça va"], "n": 3, "nested": {"ok": True}}
    sealed = vault.seal_json("journal.entry.tags", 1, value)
    assert vault.open_json("journal.entry.tags", 1, sealed) == value


def test_it_refuses_another_field(vault: Vault) -> None:
    sealed = vault.seal_text("journal.entry.title", 1, "title")
    with pytest.raises(SealError):
        vault.open_text("journal.entry.body", 1, sealed)


def test_it_refuses_another_row(vault: Vault) -> None:
    sealed = vault.seal_text("journal.entry.body", uuid.uuid4(), "body")
    with pytest.raises(SealError):
        vault.open_text("journal.entry.body", uuid.uuid4(), sealed)


def test_it_refuses_another_user_even_with_the_same_key() -> None:
    dek = new_key()
    sealed = Vault(user_id=1, dek=dek).seal_text("a.b.c", 1, "mine")
    with pytest.raises(SealError):
        Vault(user_id=2, dek=dek).open_text("a.b.c", 1, sealed)


def test_it_treats_uuid_and_its_string_as_the_same_row(vault: Vault) -> None:
    row = uuid.uuid4()
    sealed = vault.seal_text("a.b.c", row, "same place")
    assert vault.open_text("a.b.c", str(row), sealed) == "same place"


def test_it_raises_seal_error_for_sealed_bytes_that_are_not_json(vault: Vault) -> None:
    sealed = vault.seal_bytes("a.b.c", 1, b"\xff not json")
    with pytest.raises(SealError):
        vault.open_json("a.b.c", 1, sealed)


def test_it_builds_labels_from_the_model() -> None:
    assert Vault.label(Keyring, "preferences") == "vault.keyring.preferences"
