"""Together: a space for two partners, sealed with a key only the two of them hold.

See docs/security.md ("Together") and the design it follows. In the clear: who
is paired with whom, the public halves of their identity keys, when the pair
began, and an invite's peppered hash and expiry. Sealed: each person's identity
private key (in their own vault), and the pair key (wrapped for each partner
with their public key; the space's rows are sealed with it).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Identity(models.Model):
    """A person's X25519 key pair: the public half in the clear, the private half
    sealed with their own vault (label ``together.identity.private``, row = user id)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="identity",
    )
    public_key = models.BinaryField(max_length=32)
    private_key = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"identity of user {self.user_id}"


class Invite(models.Model):
    """A one-time code to pair with its inviter: only its peppered hash is kept.

    The inviter's public key is fixed here, at invite time; valid for 48 hours,
    used once (``used_at``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pair_invites"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    inviter_public_key = models.BinaryField(max_length=32)
    # The name the inviter chose to be shown, sealed with a key derived from the
    # code itself (only whoever holds the code opens it): see ``together.names``.
    inviter_name = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"pair invite {self.id}"


class Pair(models.Model):
    """Two partners' shared space. Deleting it deletes everything in the space
    (its members and every ritual row cascade)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"pair {self.id}"


class Member(models.Model):
    """One partner of a pair. A person is in at most one pair (one row per user).

    ``wrapped_key`` is the pair key sealed for this member: an ephemeral X25519
    public key (32 bytes) followed by the pair key sealed under a key derived
    from the shared secret with ``public_key`` (see ``vault.keys``).
    ``public_key`` is the member's identity public key as it was when the pair
    key was wrapped for them: the safety phrase is derived from both members'.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="pair_member",
    )
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="members")
    public_key = models.BinaryField(max_length=32)
    wrapped_key = models.BinaryField()
    joined_at = models.DateTimeField(auto_now_add=True)
    # The name this member chose to be shown to their partner, sealed with the pair
    # key (label ``together.member.shown_name``, row = user id).
    shown_name = models.BinaryField(null=True, blank=True)

    def __str__(self) -> str:
        return f"member {self.user_id} of pair {self.pair_id}"


class MemberKeys(models.Model):
    """What one member keeps sealed with their OWN vault about their pair.

    ``pair_key``: the pair key sealed with the member's vault (label
    ``together.memberkeys.pair_key``, row = pair id), so a request opens the space
    with one AES-GCM open instead of an X25519 exchange. The accepter writes it
    when pairing; the inviter at their next login or POST in the space (reads
    never write). ``compared``: the digest of the safety phrase the member marked
    as compared in person (label ``together.memberkeys.compared``): a phrase
    that changes later (a swapped key) asks again.
    Kept beside ``Member`` (one row per member, deleted with it).
    """

    member = models.OneToOneField(
        Member, on_delete=models.CASCADE, primary_key=True, related_name="keys"
    )
    pair_key = models.BinaryField(null=True, blank=True)
    compared = models.BinaryField(null=True, blank=True)
    # Whether the partner was added to this member's People (once: a person they
    # remove later is not added again).
    person_added = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"keys of member {self.member_id}"


class SharedCopy(models.Model):
    """A copy of one item of its author's own space, shared with the pair.

    Sealed with the pair key (label ``together.sharedcopy.content``, row = this
    id): the words as they were when shared, the item's date, and the id of the
    item it was copied from (kept sealed so the database does not say which of
    the author's entries was shared). Unsharing deletes the row.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", "Journal entry"
        CHECKIN = "checkin", "Check-in"
        REFLECTION = "reflection", "Opening-up reflection"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="shared_copies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shared_copies"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["pair", "created_at"])]

    def __str__(self) -> str:
        return f"shared copy {self.id}"


class InviteAttempt(models.Model):
    """A code typed that opened no invite: counted to throttle guessing.

    ``key`` is a keyed hash of the account (and, in a second row, of the address),
    never the code typed."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"invite attempt at {self.at}"


class EndedNotice(models.Model):
    """Left for the partner who did not end the space, so they see "This space has
    ended" (nothing more: not who, not why). Gone once they start a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="space_ended",
    )
    ended_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"space of {self.user_id} ended"
