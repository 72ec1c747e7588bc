"""Partner tokens: made once, stored only as a hash.

A token is ``rhn_`` and 43 URL-safe characters (32 random bytes). The database keeps its
SHA-256 and its first 12 characters, enough to tell tokens apart in a list and far too few to
guess the rest. A plain hash (no salt, no slow function) is enough because the token is random
and long: there is no dictionary to try.
"""

import hashlib
import secrets

PREFIX = "rhn_"
VISIBLE = 12


def new_token():
    """A fresh token, to be shown once and never stored."""
    return PREFIX + secrets.token_urlsafe(32)


def token_hash(token):
    """The SHA-256 of ``token`` in hex, as stored and looked up."""
    return hashlib.sha256(token.encode()).hexdigest()


def visible_prefix(token):
    return token[:VISIBLE]
