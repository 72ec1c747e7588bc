"""Counting what one client does per hour or per day, in Django's cache.

Works with the default local-memory cache of one process and with a shared cache (Redis,
Memcached) once there are several. Counters live in fixed windows (this hour, this day): a client
may reach twice the limit across the boundary of two windows, which is acceptable for slowing down
abuse and keeps each check to one cache read and each hit to one atomic increment.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

HOUR = 3600
DAY = 24 * HOUR


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` events per ``seconds``."""

    limit: int
    seconds: int


def _cache():
    return caches[getattr(settings, "ROHNAMO_RATELIMIT_CACHE", "default")]


def _key(scope, who, rate, now):
    # The address is hashed: cache keys must be short and safe, and the cache need not hold
    # people's addresses in the clear.
    digest = hashlib.sha256(str(who).encode()).hexdigest()[:32]
    window = int(now // rate.seconds)
    return f"ratelimit:{scope}:{rate.seconds}:{window}:{digest}"


def exceeded(scope, who, rates, *, now=None):
    """True when ``who`` has already used up any of ``rates`` for ``scope``."""
    now = time.time() if now is None else now
    keys = {_key(scope, who, rate, now): rate for rate in rates}
    counts = _cache().get_many(list(keys))
    return any(counts.get(key, 0) >= rate.limit for key, rate in keys.items())


def hit(scope, who, rates, *, now=None, count=1):
    """Count ``count`` events (one by default) of ``who`` for ``scope`` in every window of
    ``rates``."""
    now = time.time() if now is None else now
    cache = _cache()
    for rate in rates:
        key = _key(scope, who, rate, now)
        cache.add(key, 0, timeout=rate.seconds)
        try:
            cache.incr(key, count)
        except ValueError:
            # The counter expired between add and incr: these events start a new one.
            cache.set(key, count, timeout=rate.seconds)
