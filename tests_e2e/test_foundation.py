"""A counsellor's first day and a migrant's first visit, in a real browser."""

import pytest

from rohnamo.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_counsellor_logs_in_switches_to_russian_and_back(live_server, page, nigora):
    page.goto(f"{live_server.url}/staff/")
    page.fill("input[name=username]", "nigora")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/staff/offices/khujand/")
    assert page.inner_text("h1") == "Филиали Хуҷанд"
    assert page.locator("html").get_attribute("lang") == "tg"

    page.click("button[value=ru]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("button.link").inner_text() == "Выйти"
    assert page.url.endswith("/staff/offices/khujand/")

    page.goto(f"{live_server.url}/staff/jobs/")
    assert page.locator("html").get_attribute("lang") == "ru"

    page.click("button[value=tg]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "tg"


def test_the_public_home_page_works_without_javascript(
    live_server, page_without_javascript, khujand
):
    page = page_without_javascript
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/tg/")
    assert page.locator("a[href='tel:+992341112233']").count() == 1

    page.click("a[hreflang=ru]")
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"

    page.click("a[href='/ru/offices/']")
    assert "Филиали Хуҷанд" in page.inner_text("main")
    assert page.locator("link[rel=stylesheet]").count() == 1
