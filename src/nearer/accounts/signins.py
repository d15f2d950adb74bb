"""Sessions and sign-ins a person can see, and nobody else can read.

**Sessions.** Each logged-in session keeps, in its own session data, a coarse
label of the device ("Firefox on Android") sealed with the person's vault (label
``accounts.session.device``): the row is written while they are logged in, so the
vault is open. When it was last used is the session's own ``vault.seen`` (the idle
timeout's clock, already in the session data); the page shows it rounded.

**Sign-ins.** The last 20 sign-ins and failed attempts (time, coarse device) are
``SignInRecord`` rows, each sealed to the account's identity public key (Together's
X25519 key, ``vault.keys``): a failed attempt happens while the vault is closed,
so it can't be sealed with the data key, but anyone can seal *to* a public key and
only the private half (sealed in the vault) opens it. The sealing reuses Together's
key wrap: a fresh 32-byte record key is wrapped for the account's public key under a
fresh random id, and the record is sealed with that key::

    blob = id (16) | len (2) | wrap_pair_key(record key, id, user, pub, pub)
           | AES-GCM(record key, record, aad = "accounts.signin|<user>|<id>")

No time, address or device is in the clear: only the account and the row's order.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import struct
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from nearer.accounts import identity
from nearer.accounts.models import AccountSession, SignInRecord, User
from nearer.accounts.session_store import SessionStore
from nearer.lib.private import QuietRepr
from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import Sealer, SealError, new_key
from nearer.vault.session import SESSION_SEEN

DEVICE_KEY = "account.device"
DEVICE_LABEL = "accounts.session.device"
KEEP = 20
KEY_ID_RECORD = 6
_ID_BYTES = 16

# --- the coarse device ---------------------------------------------------------

# Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", and
# Android says "Linux". Only the family is kept, never a version.
_BROWSERS = (
    ("edg", "Edge"),
    ("opr/", "Opera"),
    ("opera", "Opera"),
    ("samsungbrowser", "Samsung Internet"),
    ("firefox", "Firefox"),
    ("fxios", "Firefox"),
    ("crios", "Chrome"),
    ("chromium", "Chromium"),
    ("chrome", "Chrome"),
    ("safari", "Safari"),
)
_SYSTEMS = (
    ("android", "Android"),
    ("iphone", "iPhone"),
    ("ipad", "iPad"),
    ("windows", "Windows"),
    ("cros", "ChromeOS"),
    ("mac os", "a Mac"),
    ("macintosh", "a Mac"),
    ("linux", "Linux"),
)
UNKNOWN_DEVICE = "An unknown browser"


def device_label(user_agent: str) -> str:
    """Return a coarse "Browser on System" label for a User-Agent header."""
    ua = user_agent.lower()[:512]
    browser = next((name for word, name in _BROWSERS if word in ua), "")
    system = next((name for word, name in _SYSTEMS if word in ua), "")
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or f"A browser on {system}"
    return UNKNOWN_DEVICE


def request_device(request: HttpRequest) -> str:
    """Return the coarse device label of this request's browser."""
    return device_label(str(request.META.get("HTTP_USER_AGENT", "")))


# --- sessions --------------------------------------------------------------------


def session_label_keep(*, request: HttpRequest, vault: Vault) -> None:
    """Keep this session's device label, sealed with the vault, in the session."""
    sealed = vault.seal_text(DEVICE_LABEL, vault.user_id, request_device(request))
    request.session[DEVICE_KEY] = base64.b64encode(sealed).decode("ascii")


def session_handle(session_key: str) -> str:
    """Return the name a session goes by on the page (never its key, a bearer secret)."""
    return hmac.new(
        str(settings.SECRET_KEY).encode(), f"session-handle|{session_key}".encode(), hashlib.sha256
    ).hexdigest()[:32]


@dataclass(frozen=True, repr=False)
class SessionShown(QuietRepr):
    handle: str
    device: str
    last_used: datetime | None
    current: bool


def _open_device(vault: Vault, data: dict[str, Any]) -> str:
    sealed = data.get(DEVICE_KEY)
    if not isinstance(sealed, str):
        return UNKNOWN_DEVICE
    try:
        return vault.open_text(DEVICE_LABEL, vault.user_id, base64.b64decode(sealed))
    except (SealError, binascii.Error, UnicodeDecodeError, ValueError):
        return UNKNOWN_DEVICE


def _live_rows(user: User) -> list[AccountSession]:
    return list(
        AccountSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now()).order_by(
            "-expire_date"
        )
    )


def sessions_for(*, user: User, vault: Vault, current_key: str | None) -> list[SessionShown]:
    """Return ``user``'s live sessions, this one first, then the most recently used."""
    decoder = SessionStore()
    shown = []
    for row in _live_rows(user):
        data = decoder.decode(row.session_data)
        # A row tagged with the account whose data says otherwise (it can't happen
        # through login) is not shown as theirs.
        if str(data.get(SESSION_KEY)) != str(user.pk):
            continue
        seen = data.get(SESSION_SEEN)
        shown.append(
            SessionShown(
                handle=session_handle(row.session_key),
                device=_open_device(vault, data),
                last_used=datetime.fromtimestamp(seen, tz=UTC) if isinstance(seen, int) else None,
                current=row.session_key == current_key,
            )
        )
    far_past = datetime.min.replace(tzinfo=UTC)
    shown.sort(key=lambda s: (not s.current, -(s.last_used or far_past).timestamp()))
    return shown


@transaction.atomic
def session_end(*, user: User, handle: str, current_key: str | None) -> bool:
    """End ``user``'s session named ``handle``; False when they have none of that name.

    Only the person's own rows are looked at, so another person's session (or this
    one: it has "Log out") is never found.
    """
    for row in _live_rows(user):
        if row.session_key != current_key and hmac.compare_digest(
            session_handle(row.session_key), handle
        ):
            AccountSession.objects.filter(pk=row.session_key, user_id=user.pk).delete()
            return True
    return False


@transaction.atomic
def sessions_end_others(*, user: User, current_key: str | None) -> int:
    """End every session of ``user`` but ``current_key``; return how many ended."""
    deleted, _ = (
        AccountSession.objects.filter(user_id=user.pk).exclude(session_key=current_key).delete()
    )
    return deleted


# --- sign-ins ----------------------------------------------------------------------


def _aad(user_id: int, record_id: bytes) -> bytes:
    return f"accounts.signin|{user_id}|{uuid.UUID(bytes=record_id)}".encode()


def record_seal(*, user_id: int, public_key: bytes, record: dict[str, Any]) -> bytes:
    """Return ``record`` sealed so only the holder of ``public_key``'s private half reads it."""
    record_id = uuid.uuid4()
    record_key = new_key()
    wrapped = keys.wrap_pair_key(
        pair_key=record_key,
        pair_id=record_id,
        recipient_id=user_id,
        recipient_public=public_key,
        partner_public=public_key,
    )
    body = Sealer(record_key, key_id=KEY_ID_RECORD).seal(
        json.dumps(record).encode(), _aad(user_id, record_id.bytes)
    )
    return record_id.bytes + struct.pack(">H", len(wrapped)) + wrapped + body


def record_open(*, user_id: int, private: Any, public_key: bytes, sealed: bytes) -> dict[str, Any]:
    """Return the record sealed by :func:`record_seal`; raise SealError."""
    if len(sealed) < _ID_BYTES + 2:
        raise SealError("sign-in record is too short")
    record_id = sealed[:_ID_BYTES]
    (size,) = struct.unpack(">H", sealed[_ID_BYTES : _ID_BYTES + 2])
    wrapped = sealed[_ID_BYTES + 2 : _ID_BYTES + 2 + size]
    record_key = keys.unwrap_pair_key(
        wrapped=wrapped,
        pair_id=uuid.UUID(bytes=record_id),
        recipient_id=user_id,
        recipient_private=private,
        partner_public=public_key,
    )
    body = Sealer(record_key, key_id=KEY_ID_RECORD).open(
        sealed[_ID_BYTES + 2 + size :], _aad(user_id, record_id)
    )
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise SealError("sign-in record is not one") from None
    if not isinstance(value, dict):
        raise SealError("sign-in record is not one")
    return value


@transaction.atomic
def signin_record(*, user: User, request: HttpRequest, succeeded: bool) -> bool:
    """Keep a sealed record of a sign-in or a failed attempt; keep the newest 20.

    False (nothing kept) for an account without an identity key yet: it gets one at
    its next login. Two records at once both stay, then the next one trims.
    """
    public = identity.public_key(user.pk)
    if public is None:
        return False
    record = {
        # To the minute: a record is for recognising one's own sign-ins.
        "at": int(time.time()) // 60 * 60,
        "ok": succeeded,
        "device": request_device(request),
    }
    SignInRecord.objects.create(
        user_id=user.pk,
        sealed=record_seal(user_id=user.pk, public_key=public, record=record),
    )
    keep = (
        SignInRecord.objects.filter(user_id=user.pk)
        .order_by("-pk")
        .values_list("pk", flat=True)[:KEEP]
    )
    SignInRecord.objects.filter(user_id=user.pk).exclude(pk__in=list(keep)).delete()
    return True


@dataclass(frozen=True, repr=False)
class SignInShown(QuietRepr):
    at: datetime
    succeeded: bool
    device: str


def signins_for(*, user: User, vault: Vault) -> list[SignInShown]:
    """Return ``user``'s kept sign-ins and failed attempts, newest first.

    A record that won't open (sealed to an older identity key) is left out.
    """
    private = identity.private_key(user, vault)
    public = identity.public_key(user.pk)
    if private is None or public is None:
        return []
    shown = []
    rows = SignInRecord.objects.filter(user_id=user.pk).order_by("-pk")[:KEEP]
    for row in rows:
        try:
            record = record_open(
                user_id=user.pk, private=private, public_key=public, sealed=bytes(row.sealed)
            )
        except SealError:
            continue
        at, device = record.get("at"), record.get("device")
        if not isinstance(at, int) or not isinstance(device, str):
            continue
        shown.append(
            SignInShown(
                at=datetime.fromtimestamp(at, tz=UTC),
                succeeded=record.get("ok") is True,
                device=device,
            )
        )
    return shown
