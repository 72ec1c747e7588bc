"""Browser tests: Playwright drives Debian's Chromium at /usr/bin/chromium, never a download."""

import os

import pytest
from django.db import connection
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; the Django calls the tests make
# (fixtures creating users) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def reference_data(django_db_setup):
    """The migrated roles, languages and topics as Django serialized them for rollbacks.

    Read before Playwright starts: its running event loop makes Django hand the tests a
    connection object of their own, and without this copy on it serialized_rollback would
    silently restore nothing after a transactional test elsewhere has flushed the database.
    """
    return connection._test_serialized_contents


@pytest.fixture(scope="session")
def browser(reference_data):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        connection._test_serialized_contents = reference_data
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
