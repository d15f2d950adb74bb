"""Password hashing with the server's pepper, so a database copy alone can't be guessed at.

The login hash lives in the database beside everything else. Plain Argon2 would let
someone holding a copy test password guesses offline; mixing in the pepper (which
lives outside the database, like the one in every password key) takes that away.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher


class PepperedArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id over an HMAC-SHA256 of the password keyed with the server's pepper.

    Hashes made by Django's plain Argon2 hasher still verify and are upgraded to this
    one at the next login.
    """

    algorithm = "argon2_peppered"

    @staticmethod
    def _peppered(password: str) -> str:
        pepper = str(settings.VAULT_PEPPER).encode("utf-8")
        message = b"nearer/password-hash/v1|" + password.encode("utf-8")
        return hmac.new(pepper, message, hashlib.sha256).hexdigest()

    def encode(self, password: str, salt: str) -> str:
        return super().encode(self._peppered(password), salt)

    def verify(self, password: str, encoded: str) -> bool:
        return super().verify(self._peppered(password), encoded)
