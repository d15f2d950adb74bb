"""Opening a person's shared space for one request.

``space_open`` is what every page of the space (and the rituals) starts from: it
finds the person's pair, opens the pair key and hands back a ``Space`` whose
``box`` seals and opens the space's values. It only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser

from nearer.lib.owner import check_vault
from nearer.lib.private import QuietRepr
from nearer.together.box import PairBox
from nearer.together.models import Identity, Member, MemberKeys
from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "PAIR_KEY_LABEL",
    "Members",
    "Opened",
    "Space",
    "members_of",
    "members_open",
    "pair_key_open",
    "space_of",
    "space_open",
    "space_pair_id",
]

# The pair key sealed with a member's own vault (row = pair id).
PAIR_KEY_LABEL = "together.memberkeys.pair_key"


@dataclass(frozen=True, repr=False)
class Space(QuietRepr):
    """A person's open space: their pair, their partner and the pair's box.

    ``member_ids`` are both partners' user ids, the smaller first.
    """

    pair_id: UUID
    partner_id: int
    box: PairBox
    member_ids: tuple[int, int]


def space_pair_id(*, user: AbstractBaseUser) -> UUID | None:
    """Return the id of ``user``'s pair, or None when they have none (no key opened)."""
    return Member.objects.filter(user_id=user.pk).values_list("pair_id", flat=True).first()


@dataclass(frozen=True, repr=False)
class Members(QuietRepr):
    """Both members' rows of a person's pair and their own-keys row (None if none yet)."""

    own: Member
    partner: Member
    keys: MemberKeys | None


def members_of(*, user: AbstractBaseUser) -> Members | None:
    """Return both members of ``user``'s pair, or None when they are in no pair (or
    its other member is gone). One query (the own-keys row joined in: every page with
    a share form asks this); nothing is opened."""
    rows = list(Member.objects.filter(pair__members__user_id=user.pk).select_related("keys"))
    own = next((row for row in rows if row.user_id == user.pk), None)
    partner = next((row for row in rows if row.user_id != user.pk), None)
    if own is None or partner is None:
        return None
    # No keys row yet: the reverse one-to-one raises, which getattr turns into None.
    keys: MemberKeys | None = getattr(own, "keys", None)
    return Members(own=own, partner=partner, keys=keys)


def _from_copy(vault: Vault, members: Members) -> bytes | None:
    """Return the pair key from the member's own vault copy, or None."""
    sealed = members.keys.pair_key if members.keys is not None else None
    if not sealed:
        return None
    try:
        key = vault.open_bytes(PAIR_KEY_LABEL, members.own.pair_id, bytes(sealed))
    except SealError:
        return None  # a copy that will not open: the wrap may still
    return key if len(key) == 32 else None


def _from_wrap(vault: Vault, own: Member, partner: Member) -> bytes | None:
    """Return the pair key from the member's wrap (their identity key), or None."""
    private_sealed = (
        Identity.objects.filter(user_id=own.user_id).values_list("private_key", flat=True).first()
    )
    if private_sealed is None:
        return None
    try:
        private = keys.private_open(vault, private_sealed)
        return keys.unwrap_pair_key(
            wrapped=own.wrapped_key,
            pair_id=own.pair_id,
            recipient_id=own.user_id,
            recipient_private=private,
            partner_public=partner.public_key,
        )
    except SealError:
        return None


@dataclass(frozen=True, repr=False)
class Opened(QuietRepr):
    """Both members' rows and the opened pair key; ``from_copy`` when it came from the
    member's own vault copy rather than their wrap."""

    own: Member
    partner: Member
    pair_key: bytes
    from_copy: bool
    keys: MemberKeys | None = None


def members_open(*, vault: Vault, members: Members) -> Opened | None:
    """Return the pair key of ``members`` opened for the vault's owner, or None."""
    copy = _from_copy(vault, members)
    if copy is not None:
        return Opened(members.own, members.partner, copy, True, members.keys)
    unwrapped = _from_wrap(vault, members.own, members.partner)
    if unwrapped is None:
        return None
    return Opened(members.own, members.partner, unwrapped, False, members.keys)


def pair_key_open(*, user: AbstractBaseUser, vault: Vault) -> Opened | None:
    """Return ``user``'s members and pair key opened, or None (see ``space_open``)."""
    check_vault(user, vault)
    members = members_of(user=user)
    return None if members is None else members_open(vault=vault, members=members)


def space_of(opened: Opened) -> Space:
    """Return the ``Space`` of an opened pair key."""
    own, partner = opened.own, opened.partner
    low, high = sorted((own.user_id, partner.user_id))
    return Space(
        pair_id=own.pair_id,
        partner_id=partner.user_id,
        box=PairBox(pair_id=own.pair_id, key=opened.pair_key),
        member_ids=(low, high),
    )


def space_open(*, user: AbstractBaseUser, vault: Vault) -> Space | None:
    """Return ``user``'s open space, or None.

    None when the person is in no pair (never paired, or the space has ended), and
    also when the pair key does not open for them: their wrap was sealed to
    another key or changed, or the pair is missing its other member. A page then
    says the space cannot be opened rather than fail. Reads only.
    """
    opened = pair_key_open(user=user, vault=vault)
    return None if opened is None else space_of(opened)
