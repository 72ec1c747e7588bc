"""Settings for the test suite: the real settings plus a test-only app and fast password hashing."""

import os

os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: E402, F403
from config.settings import INSTALLED_APPS  # noqa: E402

# A small office-owned, restrictable model that exercises the shared permission and audit
# machinery before any module's real records exist.
INSTALLED_APPS = [*INSTALLED_APPS, "rohnamo.core.tests.testapp"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The demo's border cards go through the real import and linkage; a few thousand show the same.
CROSSINGS_DEMO_CARDS = 2_000

# Alerts are kept in memory (``rohnamo.departure.messaging.backends.locmem``), never printed.
ROHNAMO_MESSAGE_BACKEND = "locmem"
