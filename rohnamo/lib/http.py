"""Facts about an HTTP request that more than one part of the system needs."""

from django.conf import settings


def client_ip(request):
    """The address the request came from, trusting X-Forwarded-For only behind a known proxy."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def declared_size(request):
    """The body size the client announced (Content-Length), read before the body is: an
    oversized upload can be refused before a byte of it reaches the disk."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
