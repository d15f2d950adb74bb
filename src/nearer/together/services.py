"""Writes for Together: identity keys, invites, pairing, the safety phrase mark,
ending a space, and keeping a member's own copies up to date.

Every function takes the person using Nearer (``user``) and, where it seals or
opens, their unlocked vault; each runs in one transaction. A person's words
that a page must show them (why a code was refused) come as ValidationError.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.models import Person
from nearer.people.services import person_create
from nearer.together import names
from nearer.together.box import PairBox
from nearer.together.invite_codes import new_code, normalise
from nearer.together.models import (
    EndedNotice,
    Identity,
    Invite,
    InviteAttempt,
    Member,
    MemberKeys,
    Pair,
)
from nearer.together.phrase import safety_phrase
from nearer.together.space import (
    PAIR_KEY_LABEL,
    Members,
    Space,
    members_of,
    pair_key_open,
    space_open,
)
from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "INVITE_HOURS",
    "InviteMade",
    "identity_ensure",
    "invite_accept",
    "invite_cancel",
    "invite_create",
    "invite_throttled",
    "pair_end",
    "pair_refresh",
    "phrase_compare",
]

INVITE_HOURS = 48
# Like the recovery throttle: this many codes that open nothing, per account and
# per address, within the window, and accepting waits until the window passes.
ATTEMPT_LIMIT = 5
ATTEMPT_WINDOW = timedelta(minutes=15)
COMPARED_LABEL = "together.memberkeys.compared"

ALREADY_PAIRED = "You are already in a space together. End it first to start another."
OWN_INVITE = "That is your own invite. Please give the code to your partner to type in."
NOT_AN_INVITE = (
    "That code does not open an invite. It may have been typed differently, "
    "been used already or be more than 48 hours old."
)
INVITER_PAIRED = "The person who invited you is already in a space. Nothing was changed."
THROTTLED = "Too many codes that did not open an invite. Please wait 15 minutes and try again."


def _pepper() -> bytes:
    return str(settings.VAULT_PEPPER).encode("utf-8")


def code_hash(code: str) -> str:
    """Return the peppered hash kept to recognise an invite code without storing it."""
    return hmac.new(
        _pepper(), b"nearer/pair-invite/v1|" + code.encode("ascii"), hashlib.sha256
    ).hexdigest()


def _attempt_keys(user: User, client: str) -> list[str]:
    secret = str(settings.SECRET_KEY).encode()
    return [
        hmac.new(secret, f"together.invite|{what}".encode(), hashlib.sha256).hexdigest()
        for what in (f"user:{user.pk}", f"client:{client}")
    ]


def invite_throttled(*, user: User, client: str) -> bool:
    """Return True when too many codes opened nothing for this account or address."""
    since = timezone.now() - ATTEMPT_WINDOW
    user_key, client_key = _attempt_keys(user, client)
    recent = InviteAttempt.objects.filter(at__gte=since)
    return (
        recent.filter(key=user_key).count() >= ATTEMPT_LIMIT
        or recent.filter(key=client_key).count() >= ATTEMPT_LIMIT
    )


def _attempt_count(user: User, client: str) -> None:
    now = timezone.now()
    InviteAttempt.objects.filter(at__lt=now - ATTEMPT_WINDOW).delete()
    InviteAttempt.objects.bulk_create(
        [InviteAttempt(key=key, at=now) for key in _attempt_keys(user, client)]
    )


@transaction.atomic
def identity_ensure(*, user: User, vault: Vault) -> Identity:
    """Return ``user``'s identity key row, making the key pair when they have none.

    Its private half is sealed with their own vault. Two requests making one at
    once keep whichever was stored first (the insert skips an existing row).
    """
    check_vault(user, vault)
    found = Identity.objects.filter(user_id=user.pk).first()
    if found is not None:
        return found
    private = keys.identity_new()
    Identity.objects.bulk_create(
        [
            Identity(
                user_id=user.pk,
                public_key=keys.public_of(private),
                private_key=keys.private_seal(vault, private),
            )
        ],
        ignore_conflicts=True,
    )
    return Identity.objects.get(user_id=user.pk)


@dataclass(frozen=True)
class InviteMade:
    code: str
    invite: Invite


@transaction.atomic
def invite_create(*, user: User, vault: Vault, name: str) -> InviteMade:
    """Make a new invite for ``user`` and return its code (shown once: only a hash is kept).

    ``name`` is how they will be shown to their partner. An earlier invite of
    theirs that nobody accepted stops working. Raises ValidationError when they
    are already in a space or the name is empty or too long.
    """
    check_vault(user, vault)
    name = names.name_clean(name)
    if Member.objects.filter(user_id=user.pk).exists():
        raise ValidationError(ALREADY_PAIRED, code="paired")
    identity = identity_ensure(user=user, vault=vault)
    Invite.objects.filter(inviter_id=user.pk).delete()
    EndedNotice.objects.filter(user_id=user.pk).delete()
    code = new_code()
    now = timezone.now()
    invite = Invite(
        inviter_id=user.pk,
        code_hash=code_hash(code),
        inviter_public_key=bytes(identity.public_key),
        expires_at=now + timedelta(hours=INVITE_HOURS),
    )
    invite.inviter_name = names.invite_name_seal(code, invite.id, name)
    invite.save(force_insert=True)
    return InviteMade(code=code, invite=invite)


@transaction.atomic
def invite_cancel(*, user: User) -> None:
    """Make ``user``'s open invite stop working."""
    Invite.objects.filter(inviter_id=user.pk).delete()


def _member_keys_locked(own: Member) -> MemberKeys:
    """Return the member's own-keys row, locked until the transaction ends; made if missing.

    Two POSTs of one person may both find it missing: the insert skips a row that
    exists, so neither fails, and the lock makes the second wait for the first and
    then see what it wrote (the partner is added to People once).
    """
    MemberKeys.objects.bulk_create([MemberKeys(member_id=own.pk)], ignore_conflicts=True)
    return MemberKeys.objects.select_for_update().get(member_id=own.pk)


def _already_in_people(*, user: User, vault: Vault, partner_id: int) -> bool:
    """Return True when someone in ``user``'s People is already linked to ``partner_id``
    (from an earlier space with them). Opens each person once: pairing is rare."""
    for person_id, sealed in Person.objects.filter(owner=user).values_list("id", "content"):
        try:
            details = PersonDetails.from_json(
                vault.open_json(PERSON_LABEL, person_id, bytes(sealed))
            )
        except SealError:
            continue
        if details.partner_user == partner_id:
            return True
    return False


def _partner_into_people(
    *, user: User, vault: Vault, own: Member, partner_id: int, partner_name: str
) -> None:
    """Add the partner to ``user``'s People once (inner circle, marked as linked), unless
    they are there already from an earlier space together."""
    row = _member_keys_locked(own)
    if row.person_added:
        return
    if not _already_in_people(user=user, vault=vault, partner_id=partner_id):
        person_create(
            user=user,
            vault=vault,
            details=PersonDetails(
                name=partner_name,
                relationship="partner",
                circle="inner",
                partner_user=partner_id,
            ),
        )
    row.person_added = True
    row.save(update_fields=["person_added"])


def _keep_pair_key(vault: Vault, own: Member, pair_key: bytes) -> None:
    row = _member_keys_locked(own)
    row.pair_key = vault.seal_bytes(PAIR_KEY_LABEL, own.pair_id, pair_key)
    row.save(update_fields=["pair_key"])


class _NoInvite(Exception):
    """The code opened no invite: counted after the transaction rolled back."""


def invite_accept(*, user: User, vault: Vault, code: str, name: str, client: str = "") -> Space:
    """Pair ``user`` with the person whose invite ``code`` is; return their open space.

    The accepter makes the pair key, wraps it for both (the inviter with the
    public key fixed in the invite), keeps a copy in their own vault and gets the
    inviter in their People. Raises ValidationError, changing nothing but the
    count of tries, when the code opens no invite (wrong, used, too old), is
    their own, either of them is already paired, or tries are throttled.
    """
    check_vault(user, vault)
    if invite_throttled(user=user, client=client):
        raise ValidationError(THROTTLED, code="throttled")
    try:
        return _accept(user=user, vault=vault, code=code, name=name)
    except _NoInvite:
        # Counted in a transaction of its own: the pairing's rolled back.
        with transaction.atomic():
            _attempt_count(user, client)
        raise ValidationError(NOT_AN_INVITE, code="no_invite") from None


@transaction.atomic
def _accept(*, user: User, vault: Vault, code: str, name: str) -> Space:
    if Member.objects.filter(user_id=user.pk).exists():
        raise ValidationError(ALREADY_PAIRED, code="paired")
    canonical = normalise(code)
    if canonical is None:
        raise _NoInvite
    now = timezone.now()
    # Locked: two people typing the same code at once cannot both use it.
    invite = (
        Invite.objects.select_for_update()
        .filter(code_hash=code_hash(canonical), used_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if invite is None:
        raise _NoInvite
    if invite.inviter_id == user.pk:
        raise ValidationError(OWN_INVITE, code="own")
    if Member.objects.filter(user_id=invite.inviter_id).exists():
        raise ValidationError(INVITER_PAIRED, code="inviter_paired")
    identity = identity_ensure(user=user, vault=vault)
    own_public = bytes(identity.public_key)
    inviter_public = bytes(invite.inviter_public_key)
    inviter_name = names.invite_name_open(canonical, invite.id, invite.inviter_name)
    pair_key = keys.new_pair_key()
    pair = Pair.objects.create()
    box = PairBox(pair_id=pair.id, key=pair_key)
    try:
        # The unique member row per person settles the race of an inviter whose
        # two invites are accepted at once (one open invite each, but still).
        with transaction.atomic():
            Member.objects.bulk_create(
                [
                    Member(
                        user_id=invite.inviter_id,
                        pair=pair,
                        public_key=inviter_public,
                        shown_name=names.member_name_seal(box, invite.inviter_id, inviter_name),
                        wrapped_key=keys.wrap_pair_key(
                            pair_key=pair_key,
                            pair_id=pair.id,
                            recipient_id=invite.inviter_id,
                            recipient_public=inviter_public,
                            partner_public=own_public,
                        ),
                    ),
                    Member(
                        user_id=user.pk,
                        pair=pair,
                        public_key=own_public,
                        shown_name=names.member_name_seal(box, user.pk, name),
                        wrapped_key=keys.wrap_pair_key(
                            pair_key=pair_key,
                            pair_id=pair.id,
                            recipient_id=user.pk,
                            recipient_public=own_public,
                            partner_public=inviter_public,
                        ),
                    ),
                ]
            )
    except IntegrityError:
        raise ValidationError(INVITER_PAIRED, code="inviter_paired") from None
    invite.used_at = now
    invite.save(update_fields=["used_at"])
    Invite.objects.filter(Q(inviter_id__in=(user.pk, invite.inviter_id)), ~Q(pk=invite.pk)).delete()
    EndedNotice.objects.filter(user_id__in=(user.pk, invite.inviter_id)).delete()
    own = Member.objects.get(user_id=user.pk)
    _keep_pair_key(vault, own, pair_key)
    _partner_into_people(
        user=user,
        vault=vault,
        own=own,
        partner_id=invite.inviter_id,
        partner_name=inviter_name,
    )
    space = space_open(user=user, vault=vault)
    if space is None:  # just made with keys that open: a programming error
        raise RuntimeError("a new space did not open")
    return space


@transaction.atomic
def pair_refresh(*, user: User, vault: Vault) -> None:
    """Bring ``user``'s own side of their pair up to date; called on POSTs (login, the
    space's forms), never on reads.

    Makes their identity key when they have none; when they are paired and have
    no readable copy of the pair key in their vault, opens their wrap and keeps
    one; adds the partner to their People the first time.
    """
    check_vault(user, vault)
    identity_ensure(user=user, vault=vault)
    opened = pair_key_open(user=user, vault=vault)
    if opened is None:
        return  # a wrap that will not open stays visible as such: nothing is re-sealed
    if not opened.from_copy:
        _keep_pair_key(vault, opened.own, opened.pair_key)
    box = PairBox(pair_id=opened.own.pair_id, key=opened.pair_key)
    _partner_into_people(
        user=user,
        vault=vault,
        own=opened.own,
        partner_id=opened.partner.user_id,
        partner_name=names.member_name_open(box, opened.partner.user_id, opened.partner.shown_name),
    )


def phrase_of(members: Members) -> tuple[str, ...]:
    """Return the safety phrase of a pair from both members' public keys."""
    return safety_phrase(members.own.public_key, members.partner.public_key)


def phrase_for(*, user: User) -> tuple[str, ...] | None:
    """Return the safety phrase of ``user``'s pair, or None when they are in no pair."""
    members = members_of(user=user)
    return None if members is None else phrase_of(members)


def _phrase_digest(phrase: tuple[str, ...]) -> bytes:
    return hashlib.sha256(" ".join(phrase).encode("ascii")).digest()


def compared_of(*, vault: Vault, members: Members, phrase: tuple[str, ...]) -> bool:
    """Return True when the vault's owner marked ``phrase`` as compared in person."""
    sealed = members.keys.compared if members.keys is not None else None
    if not sealed:
        return False
    try:
        marked = vault.open_bytes(COMPARED_LABEL, members.own.pair_id, bytes(sealed))
    except SealError:
        return False
    return hmac.compare_digest(marked, _phrase_digest(phrase))


def phrase_compared(*, user: User, vault: Vault) -> bool:
    """Return True when ``user`` marked the pair's current safety phrase as compared."""
    check_vault(user, vault)
    members = members_of(user=user)
    if members is None:
        return False
    return compared_of(vault=vault, members=members, phrase=phrase_of(members))


@transaction.atomic
def phrase_compare(*, user: User, vault: Vault) -> None:
    """Keep, sealed with ``user``'s vault, that they compared the current phrase in
    person. A phrase that changes later (a key swapped) is asked about again."""
    check_vault(user, vault)
    own = Member.objects.select_for_update().filter(user_id=user.pk).first()
    phrase = phrase_for(user=user)
    if own is None or phrase is None:
        raise ValidationError("You are not in a space together.", code="unpaired")
    row = _member_keys_locked(own)
    row.compared = vault.seal_bytes(COMPARED_LABEL, own.pair_id, _phrase_digest(phrase))
    row.save(update_fields=["compared"])


@transaction.atomic
def pair_end(*, user: User) -> bool:
    """End ``user``'s space now: delete the pair, so both members (with both wrapped
    pair keys and the members' own copies) and every row of the space go with it.

    Needs no agreement and no vault (account deletion ends a space too). The other
    partner is left a notice that the space ended, nothing more. Returns False
    when there was no space.
    """
    pair_id = Member.objects.filter(user_id=user.pk).values_list("pair_id", flat=True).first()
    if pair_id is None:
        return False
    # Both partners may end it at once: each locks the pair row first (one row, so
    # no deadlock); the second waits, then finds it gone and has nothing to do.
    if not list(Pair.objects.select_for_update().filter(pk=pair_id).values_list("pk")):
        return False
    own = Member.objects.filter(user_id=user.pk, pair_id=pair_id).first()
    if own is None:
        return False
    others = list(
        Member.objects.filter(pair_id=own.pair_id)
        .exclude(user_id=user.pk)
        .values_list("user_id", flat=True)
    )
    Pair.objects.filter(pk=own.pair_id).delete()
    now = timezone.now()
    for other in others:
        EndedNotice.objects.update_or_create(user_id=other, defaults={"ended_at": now})
    EndedNotice.objects.filter(user_id=user.pk).delete()
    return True
