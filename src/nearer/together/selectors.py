"""Reads for Together: what the space's pages show, always for the requesting person."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.lib.private import QuietRepr
from nearer.together.models import EndedNotice, Identity, Invite, Member
from nearer.together.names import member_name_open
from nearer.together.services import compared_of, phrase_of
from nearer.together.sharing import CopyView, copies_for
from nearer.together.space import Space, members_of, members_open, space_of
from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


@dataclass(frozen=True, repr=False)
class Home(QuietRepr):
    """The space's home for one person. ``state``: "unpaired" (``ended`` when their
    last space was ended), "unopenable" (paired, but the pair key does not open for
    them) or "paired"."""

    state: str
    ended: bool = False
    inviting: bool = False
    space: Space | None = None
    partner_name: str = ""
    phrase: tuple[str, ...] = ()
    compared: bool = False
    copies: list[CopyView] = field(default_factory=list)


def partner_name(*, space: Space) -> str:
    """Return the name the partner chose to be shown (escaped where it is shown)."""
    sealed = (
        Member.objects.filter(user_id=space.partner_id).values_list("shown_name", flat=True).first()
    )
    return member_name_open(space.box, space.partner_id, sealed)


def home_for(*, user: User, vault: Vault) -> Home:
    """Return what the space's home shows ``user``: the members' rows read once (two
    queries), the pair key opened once, then the shared copies."""
    check_vault(user, vault)
    members = members_of(user=user)
    if members is None:
        return Home(
            state="unpaired",
            ended=EndedNotice.objects.filter(user_id=user.pk).exists(),
            inviting=Invite.objects.filter(
                inviter_id=user.pk, used_at__isnull=True, expires_at__gt=timezone.now()
            ).exists(),
        )
    phrase = phrase_of(members)
    opened = members_open(vault=vault, members=members)
    if opened is None:
        return Home(state="unopenable", phrase=phrase)
    space = space_of(opened)
    return Home(
        state="paired",
        space=space,
        partner_name=member_name_open(
            space.box, members.partner.user_id, members.partner.shown_name
        ),
        phrase=phrase,
        compared=compared_of(vault=vault, members=members, phrase=phrase),
        copies=copies_for(user=user, space=space),
    )


def identity_public_of(user_id: int) -> bytes | None:
    """A person's identity public key, or None (for accounts' sign-in records)."""
    found = Identity.objects.filter(user_id=user_id).values_list("public_key", flat=True).first()
    return None if found is None else bytes(found)


def identity_private_of(user: User, vault: Vault) -> X25519PrivateKey | None:
    """A person's identity private key opened with their vault, or None when they have
    none or it will not open (for accounts' sign-in records)."""
    sealed = Identity.objects.filter(user_id=user.pk).values_list("private_key", flat=True).first()
    if sealed is None:
        return None
    try:
        return keys.private_open(vault, sealed)
    except SealError:
        return None
