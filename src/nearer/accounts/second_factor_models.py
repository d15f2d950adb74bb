"""The second factor's rows: a TOTP secret, backup codes, the step between two steps.

Imported by ``accounts.models`` so Django finds them; kept here so the second factor
reads as one part of the account.
"""

from __future__ import annotations

import uuid

from django.db import models

from nearer.accounts.models import User


class TotpDevice(models.Model):
    """A person's authenticator app: its secret, sealed with the person's data key.

    ``confirmed_at`` is empty while it is being set up (a QR code shown, no first
    code typed yet): until then it is not asked at login. ``last_step`` is the
    30-second step of the last code accepted, so a code (or one from before it) is
    never accepted twice, even by two requests at once (a conditional UPDATE).
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="+")
    secret_sealed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "authenticator app"

    def __str__(self) -> str:
        # Never the secret, not even sealed.
        return f"authenticator app of account {self.user_id}"


class BackupCode(models.Model):
    """One single-use backup code, kept only as an HMAC keyed with the server's pepper."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # A code is one person's once: the hash includes the account, so two
            # people never share a row, and a person's ten never collide.
            models.UniqueConstraint(fields=["user", "code_hash"], name="accounts_backup_code_once"),
        ]

    def __str__(self) -> str:
        return f"backup code of account {self.user_id}"


class SecondFactorPending(models.Model):
    """Between the password and the code: the opened data key, sealed, for a few minutes.

    The key that seals it is random and lives only in the person's cookie; the row is
    found by a hash of that cookie, so neither the row nor the cookie alone opens the
    data key (as vault/session.py splits a logged-in key). Nothing is logged in and
    no vault is started until the code is right.
    """

    token_hash = models.CharField(max_length=64, primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    dek_sealed = models.BinaryField()
    next_path = models.CharField(max_length=2000, blank=True)
    expires_at = models.DateTimeField(db_index=True)
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    # The WebAuthn challenge of a passkey sign-in from this step (random, single use).
    passkey_challenge = models.BinaryField(null=True, blank=True)

    def __str__(self) -> str:
        return f"second step of account {self.user_id}"


class Passkey(models.Model):
    """A passkey (WebAuthn credential) the person may use for the second step.

    In the clear: the credential's id (random bytes the authenticator chose, needed
    to find the row when it signs in), its public key and signature counter. The
    name the person gave it is sealed with their data key.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.BigIntegerField(default=0)
    name_sealed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"passkey of account {self.user_id}"
