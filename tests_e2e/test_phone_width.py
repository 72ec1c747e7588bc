"""Every public page fits a 360 px phone screen in each language: nothing to scroll sideways."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/offices/",
    "/sheets/",
    "/help/",
    "/ask/",
    "/track/",
    "/agencies/?q=x",
    "/jobs/",
    "/statistics/",
    "/can-i-travel/",
    "/checklist/",
    "/courses/",
    "/certificate/",
]


def test_public_pages_fit_a_phone_in_every_language(live_server, page):
    too_wide = []
    for language in ("tg", "ru", "en"):
        for path in PAGES:
            page.goto(f"{live_server.url}/{language}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide.append((f"/{language}{path}", width))
    assert too_wide == []
