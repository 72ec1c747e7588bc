"""Encrypting sensitive text and files at rest with Fernet (AES-128-CBC with HMAC-SHA256).

Keys come from settings.ENCRYPTION_KEYS (the environment). A development machine without keys
derives one from SECRET_KEY, so `make demo` needs no setup; production refuses to start without
real keys (see config/settings.py).
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

__all__ = ["EncryptedTextField", "InvalidToken", "decrypt", "encrypt"]


@cache
def _cipher(keys):
    if not keys:
        digest = hashlib.sha256(f"rohnamo-dev-encryption:{settings.SECRET_KEY}".encode()).digest()
        keys = (base64.urlsafe_b64encode(digest).decode(),)
    return MultiFernet([Fernet(key) for key in keys])


def cipher():
    return _cipher(tuple(settings.ENCRYPTION_KEYS))


def encrypt(data: bytes) -> bytes:
    return cipher().encrypt(data)


def decrypt(token: bytes) -> bytes:
    return cipher().decrypt(token)


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token: the database holds ciphertext, Python sees plain text.

    It cannot be searched or filtered on, by design.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value.encode("utf-8")).decode("ascii")

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value.encode("ascii")).decode("utf-8")
