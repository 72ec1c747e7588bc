"""A migrant browses, reads, prints and searches the information sheets."""

import gzip
import io
import re

import pytest
from django.contrib.staticfiles import finders
from pypdf import PdfReader

from rohnamo.core.models import Country
from rohnamo.knowledge import services
from rohnamo.knowledge.tests.factories import (
    draft_sheet,
    published_translation,
    published_version,
)

LONG_BODY = "\n\n".join(
    f"## Қисми {index}\n\nШаҳрвандони Тоҷикистон бояд дар давоми 15 рӯз ба қайд гиранд. "
    "Ҳуҷҷатҳоро ҳамеша бо худ доред ва ба ҳеҷ кас надиҳед." * 3
    for index in range(12)
)


@pytest.fixture
def registration(nigora, bahrom):
    russian = published_version(
        nigora, bahrom, stage="abroad", countries=[Country.objects.get(code="RU")]
    )
    published_translation(
        nigora, bahrom, russian.sheet, "tg", title="Бақайдгирӣ дар Русия", body=LONG_BODY
    )
    return russian.sheet


@pytest.fixture
def customs_only_in_russian(nigora, bahrom):
    return published_version(
        nigora,
        bahrom,
        code="customs",
        topic="customs",
        stage="before",
        title="Таможенные правила",
        body="Не везите чужие вещи.",
    ).sheet


def test_browsing_abroad_then_russia_then_registration_finds_the_sheet(
    client, registration, customs_only_in_russian
):
    page = client.get("/tg/sheets/", {"stage": "abroad", "country": "RU", "topic": "registration"})
    html = page.content.decode()
    assert "Бақайдгирӣ дар Русия" in html
    assert "Таможенные правила" not in html


def test_a_sheet_reads_in_tajik_with_its_check_date_and_leaflet_links(client, registration):
    html = client.get("/tg/sheets/registration-russia/").content.decode()
    assert "<h1>Бақайдгирӣ дар Русия</h1>" in html
    assert 'lang="tg"' in html
    assert "/tg/sheets/registration-russia/leaflet-A4.pdf" in html


def test_a_missing_translation_shows_another_language_with_a_notice(
    client, customs_only_in_russian
):
    response = client.get("/en/sheets/customs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Таможенные правила" in html
    assert "not yet available in your language" in html


def test_an_unpublished_sheet_is_not_found_listed_or_searchable(client, nigora):
    draft_sheet(nigora, code="secret-draft", title="Черновик о патенте")
    assert client.get("/tg/sheets/secret-draft/").status_code == 404
    assert "Черновик" not in client.get("/ru/sheets/").content.decode()
    assert "Черновик" not in client.get("/ru/search/", {"q": "черновик"}).content.decode()


def test_the_sheet_page_stays_under_30_kb_and_needs_no_script(client, registration):
    html = client.get("/tg/sheets/registration-russia/").content
    total = len(gzip.compress(html))
    for name in re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html):
        with open(finders.find(name.decode()), "rb") as css:
            total += len(gzip.compress(css.read()))
    assert total <= 30 * 1024
    assert b"<script" not in html


def test_the_public_leaflet_is_the_tajik_sheet_on_a5_paper(client, registration):
    response = client.get("/tg/sheets/registration-russia/leaflet-A5.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert (round(reader.pages[0].mediabox.width), round(reader.pages[0].mediabox.height)) == (
        420,
        595,
    )
    assert "Бақайдгирӣ дар Русия" in reader.pages[0].extract_text()
    # The QR code and printed address lead back to this page.
    assert "/tg/sheets/registration-russia/" in "".join(
        page.extract_text().replace("\n", "") for page in reader.pages
    )


def test_a_newly_published_version_replaces_the_leaflet_at_once(
    client, nigora, bahrom, registration
):
    url = "/ru/sheets/registration-russia/leaflet-A4.pdf"
    assert (
        "Регистрация в России"
        in PdfReader(io.BytesIO(client.get(url).content)).pages[0].extract_text()
    )
    current = registration.versions.get(is_current=True, language__code="ru")
    revision, _cleaned = services.start_version(
        actor=nigora, sheet=registration, language=current.language,
        title="Регистрация: новые правила", body=current.body,
    )  # fmt: skip
    services.submit_for_review(actor=nigora, version=revision)
    services.publish(actor=bahrom, version=revision)
    text = PdfReader(io.BytesIO(client.get(url).content)).pages[0].extract_text()
    assert "Регистрация: новые правила" in text


def test_public_search_finds_a_sheet_typed_without_tajik_letters(client, registration):
    html = client.get("/tg/search/", {"q": "бакайдгири"}).content.decode()
    assert "/tg/sheets/registration-russia/" in html


def test_the_sitemap_lists_published_sheets_in_every_language(client, registration):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("tg", "ru", "en"):
        assert f"/{language}/sheets/registration-russia/</loc>" in xml
