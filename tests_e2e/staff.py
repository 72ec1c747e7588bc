"""Logging staff in, each in a browser window of their own as each works at their own desk."""

from rohnamo.core.tests.factories import PASSWORD


def log_in(browser, base, username):
    page = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page
