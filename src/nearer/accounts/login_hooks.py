"""What other apps bring up to date at login, right after the vault is unlocked.

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
