"""preferences_get / preferences_update: sealed JSON beside the keyring."""

from __future__ import annotations

from nearer.accounts.services import preferences_get, preferences_update
from nearer.conftest import Person
from nearer.vault.models import Keyring


def test_it_starts_empty(alice: Person) -> None:
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_it_merges_changes(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    result = preferences_update(user=alice.user, vault=alice.vault, time_zone="UTC")
    assert result == {"display_name": "Ally", "time_zone": "UTC"}
    assert preferences_get(user=alice.user, vault=alice.vault) == result


def test_it_stores_them_sealed(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Quietly Unique")
    sealed = Keyring.objects.get(user=alice.user).preferences
    assert sealed is not None
    assert b"Quietly Unique" not in bytes(sealed)


def test_it_cannot_be_read_with_another_persons_vault(alice: Person, bob: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    assert preferences_get(user=alice.user, vault=bob.vault) == {}


def test_it_treats_preferences_moved_from_another_person_as_empty(
    alice: Person, bob: Person
) -> None:
    preferences_update(user=bob.user, vault=bob.vault, display_name="Bobby")
    sealed = Keyring.objects.get(user=bob.user).preferences
    Keyring.objects.filter(user=alice.user).update(preferences=sealed)
    assert preferences_get(user=alice.user, vault=alice.vault) == {}


def test_it_recovers_from_unreadable_preferences_on_update(alice: Person) -> None:
    Keyring.objects.filter(user=alice.user).update(preferences=b"\x01\x01garbage" * 5)
    assert preferences_get(user=alice.user, vault=alice.vault) == {}
    result = preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    assert result == {"display_name": "Ally"}
