"""Passkeys (WebAuthn) as the second step: register, name, remove, sign in with one.

A passkey can be the only second step (no authenticator app): the first one comes
with ten backup codes (``second_factor.backup_codes_first``), which the code step
takes without any script. Removing the last one turns the second step off, which
takes the password (``LastFactor``). The options and
checks are the webauthn library's; the challenges are kept server-side: in the
logged-in session when adding one, in the pending second step when signing in.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from uuid import UUID

import webauthn
from django.db import transaction
from django.http import HttpRequest
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from nearer.accounts.models import User
from nearer.accounts.second_factor import totp_active
from nearer.accounts.second_factor_models import Passkey, SecondFactorPending
from nearer.lib.private import QuietRepr
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

NAME_MAX = 60
PASSKEY_LIMIT = 20
_NAME_LABEL = Vault.label(Passkey, "name_sealed")
_REG_CHALLENGE = "passkeys.registration_challenge"


class PasskeyError(Exception):
    """A passkey could not be added or used; the message is for the person."""


@dataclass(frozen=True, repr=False)
class ShownPasskey(QuietRepr):
    id: UUID
    name: str


def _rp_id(request: HttpRequest) -> str:
    # The host without its port (ALLOWED_HOSTS has already vouched for it).
    host = request.get_host()
    return host.rsplit(":", 1)[0] if not host.endswith("]") else host


def _origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def passkeys_of(*, user: User, vault: Vault) -> list[ShownPasskey]:
    """Return the person's passkeys with their names opened, oldest first."""
    shown = []
    for row in Passkey.objects.filter(user=user).order_by("created_at"):
        try:
            name = vault.open_text(_NAME_LABEL, row.id, bytes(row.name_sealed))
        except SealError:
            name = "A passkey whose name can't be read"
        shown.append(ShownPasskey(id=row.id, name=name))
    return shown


def registration_options(*, request: HttpRequest, user: User) -> str:
    """Return the options JSON for adding a passkey; keep its challenge in the session."""
    options = webauthn.generate_registration_options(
        rp_id=_rp_id(request),
        rp_name="Nearer",
        user_name=user.get_username(),
        user_id=f"nearer-user-{user.pk}".encode(),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=bytes(c))
            for c in Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
        ],
    )
    request.session[_REG_CHALLENGE] = base64.b64encode(options.challenge).decode("ascii")
    return webauthn.options_to_json(options)


@transaction.atomic
def passkey_add(
    *, request: HttpRequest, user: User, vault: Vault, name: str, credential: str
) -> Passkey:
    """Check the browser's answer to the options and keep the passkey, named.

    Raises PasskeyError (nothing kept) when the answer does not check out.
    """
    challenge_b64 = request.session.pop(_REG_CHALLENGE, None)
    if not isinstance(challenge_b64, str):
        raise PasskeyError("That took too long. Please try adding the passkey again.")
    if Passkey.objects.filter(user=user).count() >= PASSKEY_LIMIT:
        raise PasskeyError(f"You can keep up to {PASSKEY_LIMIT} passkeys.")
    try:
        verified = webauthn.verify_registration_response(
            credential=json.loads(credential),
            expected_challenge=base64.b64decode(challenge_b64),
            expected_rp_id=_rp_id(request),
            expected_origin=_origin(request),
        )
    # Any of the library's refusals (a malformed answer too), or JSON that is not one.
    except (WebAuthnException, ValueError, TypeError, KeyError):
        raise PasskeyError("That passkey could not be added. Please try again.") from None
    if Passkey.objects.filter(credential_id=verified.credential_id).exists():
        raise PasskeyError("That passkey is already added.")
    return passkey_keep(
        user=user,
        vault=vault,
        name=name,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )


@transaction.atomic
def passkey_keep(
    *,
    user: User,
    vault: Vault,
    name: str,
    credential_id: bytes,
    public_key: bytes,
    sign_count: int,
) -> Passkey:
    """Keep a checked passkey with its name sealed (``passkey_add`` checks it first)."""
    passkey = Passkey(
        user=user, credential_id=credential_id, public_key=public_key, sign_count=sign_count
    )
    passkey.name_sealed = vault.seal_text(_NAME_LABEL, passkey.id, name[:NAME_MAX])
    passkey.full_clean(exclude=["name_sealed", "public_key", "credential_id"])
    passkey.save()
    return passkey


class LastFactor(Exception):
    """The passkey is the login's only second step: removing it turns the step off,
    which takes the password (``second_factor.second_factor_turn_off``)."""


def passkey_is_last_factor(*, user: User, passkey_id: UUID) -> bool:
    """True when this passkey of the person's is their only second step."""
    mine = Passkey.objects.filter(user=user)
    return (
        mine.filter(id=passkey_id).exists()
        and not mine.exclude(id=passkey_id).exists()
        and not totp_active(user=user)
    )


@transaction.atomic
def passkey_remove(*, user: User, passkey_id: UUID) -> bool:
    """Remove one of the person's passkeys; False when they have none of that id.

    Raises LastFactor (nothing removed) for the only second step left.
    """
    # The person's rows locked first, so two removals at once can't each see the
    # other passkey as still there and leave the login with no second step.
    list(Passkey.objects.select_for_update().filter(user=user).values_list("id", flat=True))
    if passkey_is_last_factor(user=user, passkey_id=passkey_id):
        raise LastFactor
    deleted, _ = Passkey.objects.filter(user=user, id=passkey_id).delete()
    return deleted > 0


def authentication_options(*, request: HttpRequest, user: User, token_hash: str) -> str | None:
    """Return the options JSON for signing in with a passkey, or None without one.

    The challenge is kept in the pending second step's row, for this step only.
    """
    ids = [
        bytes(c) for c in Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
    ]
    if not ids:
        return None
    options = webauthn.generate_authentication_options(
        rp_id=_rp_id(request),
        allow_credentials=[PublicKeyCredentialDescriptor(id=c) for c in ids],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    SecondFactorPending.objects.filter(token_hash=token_hash).update(
        passkey_challenge=options.challenge
    )
    return webauthn.options_to_json(options)


@transaction.atomic
def passkey_sign_in(*, request: HttpRequest, user: User, token_hash: str, credential: str) -> bool:
    """Return True when ``credential`` is a fresh signature by one of the person's passkeys.

    The challenge is used once (cleared first), and the signature counter must move
    on, so a replayed answer is refused.
    """
    row = SecondFactorPending.objects.select_for_update().filter(token_hash=token_hash).first()
    if row is None or not row.passkey_challenge:
        return False
    challenge = bytes(row.passkey_challenge)
    SecondFactorPending.objects.filter(token_hash=token_hash).update(passkey_challenge=None)
    try:
        answer = json.loads(credential)
        raw_id = webauthn.base64url_to_bytes(str(answer["rawId"]))
    except (ValueError, TypeError, KeyError):
        return False
    passkey = Passkey.objects.filter(user=user, credential_id=raw_id).first()
    if passkey is None:
        return False
    try:
        verified = webauthn.verify_authentication_response(
            credential=answer,
            expected_challenge=challenge,
            expected_rp_id=_rp_id(request),
            expected_origin=_origin(request),
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        return False
    Passkey.objects.filter(pk=passkey.pk).update(sign_count=verified.new_sign_count)
    return True
