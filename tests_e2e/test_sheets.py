"""The information-sheet journey in a browser: draft, translate, review, publish, read, print."""

import io

import pytest
from pypdf import PdfReader

from rohnamo.core.choices import Role
from rohnamo.core.models import Language
from rohnamo.core.tests.factories import make_user
from rohnamo.knowledge.models import Topic
from tests_e2e.staff import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_sheet_goes_from_russian_draft_to_a_printed_tajik_leaflet(
    live_server, browser, nigora, bahrom, khujand
):
    make_user("zarina", Role.COUNSELLOR, khujand)  # the colleague who translates
    base = live_server.url
    topic = Topic.objects.get(code="registration")

    page = log_in(browser, base, "nigora")
    page.goto(f"{base}/staff/sheets/new/")
    page.fill("input[name=code]", "registration-russia")
    page.select_option("select[name=topic]", str(topic.pk))
    page.select_option("select[name=stage]", "abroad")
    page.select_option("select[name=language]", str(Language.objects.get(code="ru").pk))
    page.fill("input[name=title]", "Регистрация в России")
    page.fill(
        "textarea[name=body]",
        "## Срок\n\nВстаньте на учёт в течение 15 дней. Телефон +992 37 221 00 00.",
    )
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/sheets/versions/*/")
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()

    page = log_in(browser, base, "zarina")
    page.goto(f"{base}/staff/sheets/registration-russia/new-version/")
    page.select_option("select[name=language]", str(Language.objects.get(code="tg").pk))
    page.fill("input[name=title]", "Бақайдгирӣ дар Русия: қоида ва ҳуҷҷат")
    page.fill("textarea[name=body]", "## Мӯҳлат\n\nДар давоми 15 рӯз ба қайд гиред.")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/sheets/versions/*/")
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()

    page = log_in(browser, base, "bahrom")
    page.goto(f"{base}/staff/sheets/review/")
    for _version in range(2):
        page.click("main ul li a >> nth=0")
        page.click("button[formaction$='/publish/']")
        page.wait_for_load_state()
        page.goto(f"{base}/staff/sheets/review/")

    page.goto(f"{base}/tg/sheets/registration-russia/")
    assert page.inner_text("h1") == "Бақайдгирӣ дар Русия: қоида ва ҳуҷҷат"
    href = page.get_attribute("a[href$='leaflet-A4.pdf']", "href")
    response = page.request.get(base + href)
    assert response.headers["content-type"] == "application/pdf"
    pdf = response.body()
    text = "".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf)).pages)
    assert "Бақайдгирӣ дар Русия: қоида ва ҳуҷҷат" in " ".join(text.split())
