"""Reading configuration from the environment.

Every secret may come from a file instead (``SECRET_KEY_FILE=/run/secrets/key``), so that
container and systemd deployments never put secrets in the process environment or the repository.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    """The value of ``name``, or of the file named by ``name_FILE``, or ``default``."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE={path} cannot be read: {error}") from error
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = env(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = env(name)
    return int(value) if value not in (None, "") else default
