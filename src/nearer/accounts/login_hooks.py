"""What other apps bring up to date at login, right after the vault is unlocked, and
what they end before an account is deleted.

A login is a POST, so it may write; reads never do. An app registers its hook from
its AppConfig.ready() instead of accounts importing the app (accounts sits below
every app: importing one back would make a ring).
"""

from __future__ import annotations

from collections.abc import Callable

from nearer.accounts.models import User
from nearer.vault.box import Vault

Hook = Callable[..., object]

_hooks: list[Hook] = []


def register(hook: Hook) -> Hook:
    """Run ``hook(user=..., vault=...)`` at every login, after those registered before."""
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def run(*, user: User, vault: Vault) -> None:
    """Run every registered hook for the person who just logged in."""
    for hook in _hooks:
        hook(user=user, vault=vault)


_deletion_hooks: list[Hook] = []


def register_deletion(hook: Hook) -> Hook:
    """Run ``hook(user=...)`` in the transaction that deletes an account, before the
    user's row goes (for what the ON DELETE cascade alone would leave half done)."""
    if hook not in _deletion_hooks:
        _deletion_hooks.append(hook)
    return hook


def run_deletion(*, user: User) -> None:
    """Run every registered deletion hook for the account about to be deleted."""
    for hook in _deletion_hooks:
        hook(user=user)
