"""What every test of the module starts from: its own media folder and empty rate-limit counters."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def private_media_and_fresh_limits(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()
