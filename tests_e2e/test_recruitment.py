"""The licensing officer's sanction, in browsers: she records an inspection that suspends an
agency's licence; its vacancy leaves the public search at once and the public check says the
licence is suspended, with why."""

import pytest
from django.utils import timezone

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.tests.factories import licensed_agency, published_vacancy
from tests_e2e.staff import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FINDINGS = "Аз ҳар коргар 5000 сомонӣ барои «ҳуҷҷатгузорӣ» гирифтааст"


def test_an_officer_suspends_an_agency_and_the_public_sees_it_at_once(
    live_server, browser, page, centre
):
    make_user("rustam", Role.LICENSING_OFFICER, centre)
    officer = make_user("officer-setup", Role.LICENSING_OFFICER, centre)
    agency = licensed_agency(officer, "ООО «Шарқ Кор»", other_names=["Sharq Kor"])
    vacancy = published_vacancy(officer, agency, title="Каменщик в Ростове")
    base = live_server.url
    job_link = f"main a[href$='/jobs/{vacancy.pk}/']"

    # A young man in Panjakent finds the job in the public search.
    page.goto(f"{base}/tg/jobs/")
    assert page.locator(job_link).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # fits his phone

    # The licensing officer finds the agency by its Latin name and records the inspection.
    desk = log_in(browser, base, "rustam")
    desk.goto(f"{base}/staff/recruitment/")
    desk.fill("form.filters input[name=q]", "Sharq Kor")
    desk.click("form.filters button[type=submit]")
    desk.wait_for_load_state()
    desk.click(f"a[href$='/agencies/{agency.pk}/']")
    desk.wait_for_load_state()
    desk.click("details:has(#record-inspection) > summary")
    desk.fill("#record-inspection input[name=date]", timezone.localdate().isoformat())
    desk.fill("#record-inspection textarea[name=findings]", FINDINGS)
    desk.select_option("#record-inspection select[name=sanction]", "suspension")
    desk.click("#record-inspection button[type=submit]")
    desk.wait_for_load_state()
    assert desk.locator("p.status [data-status=suspended]").count() == 1
    assert desk.locator("#inspections").inner_text().count(FINDINGS) == 1

    # The vacancy is gone from the public search...
    page.goto(f"{base}/tg/jobs/")
    assert page.locator(job_link).count() == 0

    # ...and the public check says the licence is suspended, and why.
    page.goto(f"{base}/tg/agencies/?q=Sharq+Kor")
    answer = page.locator("main").inner_text()
    assert FINDINGS in answer
    assert page.locator("main [data-status=suspended]").count() == 1
