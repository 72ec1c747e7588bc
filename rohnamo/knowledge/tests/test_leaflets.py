"""Leaflets print with Tajik letters intact, on the right paper, however long the sheet."""

import io

import pytest
from pypdf import PdfReader

from rohnamo.knowledge.leaflets import render_bundle, render_leaflet
from rohnamo.knowledge.tests.factories import published_translation, published_version

TAJIK_TITLE = "Бақайдгирӣ ва ҳуҷҷатҳо: қоидаҳои ғайриоддӣ"
URL = "https://rohnamo.example/tg/sheets/registration-russia/"


@pytest.fixture
def tajik_version(nigora, bahrom):
    russian = published_version(nigora, bahrom)
    return published_translation(
        nigora,
        bahrom,
        russian.sheet,
        "tg",
        title=TAJIK_TITLE,
        body="## Мӯҳлат\n\nДар давоми 15 рӯз. Телефони боварӣ: +992 37 000 00 01.",
    )


def read(pdf):
    return PdfReader(io.BytesIO(pdf))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_leaflet_text_holds_the_tajik_title_and_check_date(tajik_version):
    reader = read(render_leaflet(tajik_version, size="A4", public_url=URL))
    text = text_of(reader)
    assert TAJIK_TITLE in " ".join(text.split())
    assert tajik_version.checked_on.strftime("%d.%m.%Y") in text
    assert URL in text.replace("\n", "")


def test_the_leaflet_embeds_its_font(tajik_version):
    reader = read(render_leaflet(tajik_version, size="A4", public_url=URL))
    fonts = [
        font.get_object()["/FontDescriptor"]
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object()
    ] + [
        descendant.get_object()["/FontDescriptor"]
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        for descendant in font.get_object().get("/DescendantFonts", [])
    ]
    assert fonts
    assert all("/FontFile2" in font or "/FontFile3" in font for font in fonts)
    # The bundled font, under the family name leaflet.css gives it, not a system font.
    assert {str(font["/FontName"]).split("+")[1] for font in fonts} <= {
        "Leaflet-Sans",
        "Leaflet-Sans-Bold",
    }


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("A5", (420, 595))])
def test_the_leaflet_comes_on_a4_and_a5_paper(tajik_version, size, points):
    page = read(render_leaflet(tajik_version, size=size, public_url=URL)).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == points


def test_a_very_long_sheet_runs_over_several_pages(nigora, bahrom):
    paragraphs = "\n\n".join(
        f"Қисми {number}. " + "Ҳуҷҷатҳоро нигоҳ доред. " * 40 for number in range(30)
    )
    version = published_version(nigora, bahrom, title="Дароз", body=paragraphs, language_code="tg")
    reader = read(render_leaflet(version, size="A5", public_url=URL))
    assert len(reader.pages) > 5
    assert "Қисми 29." in text_of(reader)


def test_a_bundle_starts_each_sheet_on_its_own_page(tajik_version, nigora, bahrom):
    other = published_version(
        nigora, bahrom, code="customs", topic="customs", language_code="tg", title="Гумрук"
    )
    reader = read(
        render_bundle([tajik_version, other], size="A4", public_url_for=lambda version: URL)
    )
    assert len(reader.pages) == 2
    assert "Гумрук" in reader.pages[1].extract_text()


def test_a_leaflet_never_loads_images_from_the_internet(nigora, bahrom, monkeypatch):
    version = published_version(nigora, bahrom, body="Текст ![x](https://evil.example/x.png)")
    assert "evil.example" not in version.body_html
    from rohnamo.knowledge.leaflets import AssetFetcher

    with pytest.raises(ValueError, match="outside"):
        AssetFetcher().fetch("https://evil.example/x.png")
