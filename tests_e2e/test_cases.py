"""The first journey of a request for help, in browsers: a migrant's wife asks from her phone, a
counsellor triages and refers, the partner NGO accepts and helps, and she sees it with her code."""

import pytest

from rohnamo.cases.tests.factories import make_service
from rohnamo.core.choices import OfficeKind, Role
from rohnamo.core.models import Country, District
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.directory.models import TaxonomyTerm
from tests_e2e.staff import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_request_from_kulob_is_referred_helped_and_tracked_by_its_code(
    live_server, browser, page, umed, kulob, centre
):
    huquq = make_office("huquq", kind=OfficeKind.PARTNER, parent=centre)
    make_user("zarina", Role.PARTNER_USER, huquq)
    make_service(
        "Юридическая помощь мигрантам", office=huquq, organization_name="Ҳуқуқ ва муҳоҷират"
    )
    base = live_server.url

    # Her phone, no account.
    page.goto(f"{base}/tg/ask/")
    page.select_option("select[name=category]", "wages")
    page.fill("textarea[name=narrative]", "Шавҳарам се моҳ боз дар Екатеринбург музд нагирифт.")
    page.select_option("select[name=district]", str(District.objects.get(code="khatlon-kulob").pk))
    page.select_option("select[name=country]", str(Country.objects.get(code="RU").pk))
    page.fill("input[name=city]", "Екатеринбург")
    page.fill("input[name=contact_name]", "Мадина")
    page.fill("input[name=contact_phone]", "+992 93 555 44 33")
    page.locator("input[name=for_whom][value=other]").check()
    page.fill("input[name=relationship]", "зан")
    page.fill("input[name=on_behalf_of]", "Фаррух")
    page.check("input[name=consent]")
    page.wait_for_timeout(3_200)  # a person takes longer than the anti-spam minimum
    page.click("main form button[type=submit]")
    page.wait_for_url("**/tg/ask/sent/")
    code, pin = (text.strip() for text in page.locator("strong.code").all_inner_texts())

    # The Kulob counsellor triages it and refers it, with her consent.
    desk = log_in(browser, base, "umed")
    desk.goto(f"{base}/staff/cases/")
    desk.click(f"text={code}")
    desk.select_option("select[name=status]", "assessed")
    desk.fill("textarea[name=reason]", "Бо Мадина бо телефон гап задем")
    desk.click("form[action$='/status/'] button")
    desk.wait_for_load_state()
    desk.click("a[href$='/refer/']")
    desk.select_option(
        "select[name=category]",
        str(TaxonomyTerm.objects.get(taxonomy="rohnamo", code="legal-aid").pk),
    )
    desk.click("form[method=get] button")
    desk.wait_for_load_state()
    offer = desk.locator("ul.hits li", has_text="Ҳуқуқ ва муҳоҷират")
    offer.locator("input[name=consent_given]").check()
    offer.locator("input[name=consent_note]").fill("Бо телефон, розӣ шуд")
    offer.locator("input[name=public_message]").fill(
        "Ба ташкилоти ёрии ҳуқуқӣ дар Екатеринбург фиристода шуд."
    )
    offer.locator("button[type=submit]").click()
    desk.wait_for_load_state()
    assert "Равона шуд" in desk.locator("dl.facts").inner_text()

    # The partner NGO accepts and later records the legal aid given.
    ngo = log_in(browser, base, "zarina")
    ngo.goto(f"{base}/staff/cases/referrals/")
    ngo.click(f"text={code}")
    ngo.click("button[formaction$='/accept/']")
    ngo.wait_for_load_state()
    ngo.fill("textarea[name=note]", "Ба корфармо шикоят навиштем")
    ngo.click("button[formaction$='/provided/']")
    ngo.wait_for_load_state()

    # A week later she checks with her code and PIN.
    page.goto(f"{base}/tg/track/")
    page.fill("input[name=code]", code)
    page.fill("input[name=pin]", pin)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    status = page.locator("main").inner_text()
    assert "Ба ташкилоти ёрии ҳуқуқӣ дар Екатеринбург фиристода шуд." in status
    assert "Мадина" not in status and "музд" not in status
