"""Where an unlocked data key lives between requests: split in two halves.

At login a random session secret is made; the data key sealed under it goes into
the server-side (database) session, the secret itself into a separate cookie.
Neither the session row nor the cookie alone opens anything.
"""

from __future__ import annotations

import base64
import binascii
import time

from django.conf import settings
from django.http import HttpRequest

from nearer.vault.box import Vault
from nearer.vault.crypto import Sealer, SealError, new_key

SESSION_DEK = "vault.dek"
SESSION_SINCE = "vault.since"
SESSION_SEEN = "vault.seen"
KEY_ID_SESSION = 2

# Attributes set on the request for the middleware to act on in the response.
NEW_COOKIE_ATTR = "_nearer_vault_cookie"
DROP_COOKIE_ATTR = "_nearer_vault_drop"


def _aad(user_id: int) -> bytes:
    return f"session|{user_id}".encode()


def vault_start(request: HttpRequest, *, user_id: int, dek: bytes) -> Vault:
    """Store ``dek`` split between the session and a new cookie; return the vault."""
    secret = new_key()
    sealed = Sealer(secret, key_id=KEY_ID_SESSION).seal(dek, _aad(user_id))
    now = int(time.time())
    request.session[SESSION_DEK] = base64.b64encode(sealed).decode("ascii")
    request.session[SESSION_SINCE] = now
    request.session[SESSION_SEEN] = now
    setattr(request, NEW_COOKIE_ATTR, base64.urlsafe_b64encode(secret).decode("ascii"))
    vault = Vault(user_id=user_id, dek=dek)
    request.vault = vault  # type: ignore[attr-defined]
    return vault


def vault_end(request: HttpRequest) -> None:
    """Forget the unlocked key: drop the session half and ask to delete the cookie."""
    request.session.pop(SESSION_DEK, None)
    setattr(request, DROP_COOKIE_ATTR, True)
    request.vault = None  # type: ignore[attr-defined]


def session_expired(request: HttpRequest) -> bool:
    """Return True once the absolute session lifetime has passed since login."""
    since = request.session.get(SESSION_SINCE)
    if not isinstance(since, int):
        return True
    return time.time() - since > settings.SESSION_MAX_HOURS * 3600


def vault_from_request(request: HttpRequest, *, user_id: int) -> Vault | None:
    """Return the vault unlocked from the session half and the cookie half, or None."""
    sealed_b64 = request.session.get(SESSION_DEK)
    secret_b64 = request.COOKIES.get(settings.VAULT_COOKIE_NAME)
    if not isinstance(sealed_b64, str) or not secret_b64:
        return None
    try:
        secret = base64.urlsafe_b64decode(secret_b64.encode("ascii"))
        sealed = base64.b64decode(sealed_b64.encode("ascii"), validate=True)
        dek = Sealer(secret, key_id=KEY_ID_SESSION).open(sealed, _aad(user_id))
    except (ValueError, UnicodeEncodeError, binascii.Error, SealError):
        return None
    return Vault(user_id=user_id, dek=dek)


def touch(request: HttpRequest) -> None:
    """Slide the idle timeout forward, writing the session at most once a minute."""
    now = int(time.time())
    seen = request.session.get(SESSION_SEEN)
    if not isinstance(seen, int) or now - seen >= 60:
        request.session[SESSION_SEEN] = now
