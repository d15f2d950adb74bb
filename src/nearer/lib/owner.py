"""The check every service makes before sealing: the vault is the user's own."""

from __future__ import annotations

from typing import Protocol


class _Owner(Protocol):
    @property
    def pk(self) -> object: ...


class _Sealer(Protocol):
    @property
    def user_id(self) -> int: ...


def check_vault(user: _Owner, vault: _Sealer) -> None:
    """Raise ValueError unless ``vault`` holds ``user``'s key.

    Sealing under someone else's key would make the row unreadable to its owner
    (and readable to the other person): a programming error, never a person's input.
    """
    if vault.user_id != user.pk:
        raise ValueError("the vault does not belong to this user")
