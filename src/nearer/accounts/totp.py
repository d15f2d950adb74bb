"""Time-based one-time codes (RFC 6238) for the second factor, and the set-up QR code.

Pure functions over pyotp and segno: nothing here touches the database. The
services in ``accounts.second_factor`` keep the secret sealed and remember the
last step accepted, which is what refuses a code used twice.
"""

from __future__ import annotations

import time

import pyotp
import segno

ISSUER = "Nearer"
STEP_SECONDS = 30
DIGITS = 6
# One step either side of now: a phone clock a little off, or a code typed just as it
# changed, still works; a code older than about a minute does not.
WINDOW_STEPS = 1


def new_secret() -> str:
    """Return a new random secret (160 bits, base32), as authenticator apps expect."""
    return pyotp.random_base32(32)


def setup_uri(secret: str, *, account_name: str) -> str:
    """Return the otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=account_name, issuer_name=ISSUER
    )


def qr_data_uri(uri: str) -> str:
    """Return the QR code of ``uri`` as an SVG data: address for an <img> (no script).

    An image rather than inline SVG markup: the page stays escaped text throughout
    (lib/html's rule) and the content security policy already allows data: images.
    Dark modules on a light ground with a quiet zone, so a camera reads it in dark mode.
    """
    qr = segno.make(uri, error="m")
    return qr.svg_data_uri(scale=4, border=4, dark="#000", light="#fff")


def grouped(secret: str) -> str:
    """Return the secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def normalise(typed: str) -> str:
    """Return the digits of a typed code, without the spaces a person may add."""
    return "".join(typed.split())


def matching_step(secret: str, typed: str, *, now: float | None = None) -> int | None:
    """Return the 30-second step whose code ``typed`` is (now, or one step either side).

    None when it is no such code. The caller refuses a step at or before the last one
    accepted, so a code cannot be used twice.
    """
    code = normalise(typed)
    if len(code) != DIGITS or not code.isascii() or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    at = time.time() if now is None else now
    current = int(at // STEP_SECONDS)
    for step in range(current - WINDOW_STEPS, current + WINDOW_STEPS + 1):
        # pyotp.TOTP.verify compares in constant time; at() with a step's start time
        # lets us know which step matched, which verify() does not say.
        if pyotp.utils.strings_equal(totp.at(step * STEP_SECONDS), code):
            return step
    return None
