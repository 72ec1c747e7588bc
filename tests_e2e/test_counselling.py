"""The counselling desk on a phone: a quick consultation, then the branch report counts it."""

import pytest

from rohnamo.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_counsellor_records_a_walk_in_on_a_phone_and_sees_it_in_the_branch_report(
    live_server, page, nigora, khujand
):
    base = live_server.url
    page.goto(f"{base}/staff/login/")
    page.fill("input[name=username]", "nigora")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{base}/staff/counselling/new/")
    # Every choice is a plain control a thumb or the keyboard reaches.
    page.get_by_label("Бақайдгирӣ").check()
    page.get_by_label("Саломатӣ").check()
    page.select_option("select[name=destination]", label="Русия")
    page.locator("input[name=sex][value=female]").check()
    page.locator("input[name=age_group][value='25-34']").check()
    page.fill("textarea[name=question]", "Дар Маскав чӣ тавр қайд шавам?")
    page.keyboard.press("Tab")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/counselling/new/")
    assert page.locator(".message.success").is_visible()
    # Nothing on the form is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(f"{base}/staff/counselling/reports/")
    topics = page.locator("table", has_text="Бақайдгирӣ")
    assert topics.locator("tr", has_text="Бақайдгирӣ").locator("td").last.inner_text() == "1"
    assert topics.locator("tr", has_text="Саломатӣ").locator("td").last.inner_text() == "1"
