"""The statistics pages: the staff tables with their downloads, who may open them, and the
public page."""

import csv
import datetime
import io
import re

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, clear_url_caches, path, reverse
from openpyxl import load_workbook

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings import urls as crossings_urls
from rohnamo.crossings.tests.test_tables import Cards

D = datetime.date
URL = reverse("crossings:tables")
EXPORT = reverse("crossings:table_export")
Q1 = {"table": "quarterly", "period": "2026-Q1"}


@pytest.fixture(autouse=True)
def staff_menu_targets():
    """The staff menu links every page of the module; while a part built in parallel has not
    registered its page yet, a placeholder stands in so the menu can render."""
    added = []
    for name in ("tables", "dashboard", "imports", "linkage", "permits"):
        try:
            reverse(f"crossings:{name}")
        except NoReverseMatch:
            added.append(path(f"_pending/{name}/", lambda request: HttpResponse(), name=name))
    crossings_urls.urlpatterns.extend(added)
    clear_url_caches()
    yield
    for pattern in added:
        crossings_urls.urlpatterns.remove(pattern)
    clear_url_caches()


@pytest.fixture
def sitora(centre):
    """A statistician of the Migration Service."""
    return make_user("sitora", Role.STATISTICIAN, centre)


@pytest.fixture
def story(db):
    """Three persons leave for Russia 5 times in Q1 2026, two 2 times in Q1 2025; three women
    and five men go to Kazakhstan."""
    cards = Cards()
    anvar, bahodur, zarina, karim = (cards.person(sex) for sex in "MMFM")
    cards.leaves(anvar, D(2026, 1, 5), D(2026, 3, 1))
    cards.leaves(bahodur, D(2026, 2, 1), D(2026, 3, 31))
    cards.leaves(zarina, D(2026, 1, 20))
    cards.leaves(anvar, D(2025, 2, 2))
    cards.leaves(karim, D(2025, 1, 1))
    for number in range(3):
        cards.leaves(cards.person("F"), D(2026, 1, 10 + number), country="KZ")
    for number in range(5):
        cards.leaves(cards.person("M"), D(2026, 2, 10 + number), country="KZ")
    return cards


def _open(client, user, language="en", **query):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(URL, query)


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.usefixtures("story")
def test_the_first_quarter_shows_departures_and_returns_against_a_year_earlier(client, sitora):
    html = _open(client, sitora, **Q1).content.decode()
    text = _text(html)
    assert "Departures and returns by country and sex, Q1 2026 and Q1 2025" in text
    for heading in ("Departures", "Returns", "Men", "Women", "Crossings", "Persons", "Change, %"):
        assert f">{heading}<" in html
    russia = re.search(r"<th scope=\"row\">Russia</th>(.*?)</tr>", html).group(1)
    cells = re.findall(r"<td>(.*?)</td>", russia)
    # Men: 4 / 1 crossings, 2 / 2 persons; women: 1 / 0 and 1 / 0; total: 5 / 2, 3 / 2.
    assert cells[:18] == [
        "4", "2", "+100.0%", "2", "2", "0.0%",
        "1", "0", "—", "1", "0", "—",
        "5", "2", "+150.0%", "3", "2", "+50.0%",
    ]  # fmt: skip


@pytest.mark.usefixtures("story")
def test_the_selects_choose_the_same_table_as_the_query(client, sitora):
    by_selects = _open(
        client, sitora, table="quarterly", kind="quarter", year="2026", quarter="1"
    ).content.decode()
    by_query = _open(client, sitora, **Q1).content.decode()
    table = re.compile(r"<table.*</table>", re.S)
    assert table.search(by_selects).group(0) == table.search(by_query).group(0)


def test_without_a_choice_the_page_shows_the_latest_complete_quarter(client, sitora):
    html = _open(client, sitora).content.decode()
    assert "Departures and returns by country and sex" in html
    assert 'value="quarter" selected' in html


def test_a_period_that_cannot_be_read_is_explained_on_the_page(client, sitora):
    html = _open(client, sitora, table="age", period="2026-Q7").content.decode()
    assert "is not a period" in html
    assert "<table" not in html


@pytest.mark.usefixtures("story")
@pytest.mark.parametrize("key", ["age", "form-1t", "abroad", "stays"])
def test_every_table_opens_with_crossings_or_trips_and_persons(client, sitora, key):
    html = _open(client, sitora, table=key, period="2026").content.decode()
    assert "<table" in html and ">Persons<" in html
    assert f"table={key}" in html  # the downloads are of this table


@pytest.mark.usefixtures("story")
def test_the_page_in_russian_has_russian_headings(client, sitora):
    html = _open(client, sitora, "ru", **Q1).content.decode()
    assert ">Россия<" in html
    assert ">Итого<" in html
    assert "Квартал" in html


def test_the_manager_sees_the_tables(client, bahrom, story):
    html = _open(client, bahrom, **Q1).content.decode()
    assert ">Russia<" in html


@pytest.mark.parametrize("query", [Q1, {**Q1, "format": "xlsx"}])
def test_a_counsellor_finds_no_statistics_page(client, nigora, query):
    client.force_login(nigora)
    for url in (URL, EXPORT):
        assert client.get(url, query).status_code == 404


def test_someone_not_logged_in_is_sent_to_log_in(client):
    response = client.get(URL, Q1)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.usefixtures("story")
def test_the_workbook_holds_the_table_with_tajik_country_names(client, sitora):
    client.force_login(sitora)
    client.cookies["django_language"] = "tg"
    response = client.get(EXPORT, {**Q1, "format": "xlsx"})
    assert response["Content-Disposition"] == (
        'attachment; filename="rohnamo-quarterly-2026-Q1.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    labels = [sheet.cell(row=row, column=1).value for row in range(1, sheet.max_row + 1)]
    kazakhstan = labels.index("Қазоқистон") + 1
    russia = labels.index("Русия") + 1
    # Column 2: departures of men in Q1 2026; column 14: all departures; 16: their change.
    assert sheet.cell(row=russia, column=2).value == 4
    assert sheet.cell(row=russia, column=14).value == 5
    assert sheet.cell(row=russia, column=16).value == pytest.approx(1.5)
    assert sheet.cell(row=kazakhstan, column=8).value == 3  # women


@pytest.mark.usefixtures("story")
def test_the_public_download_hides_three_and_shows_five(client, sitora):
    client.force_login(sitora)
    client.cookies["django_language"] = "en"
    response = client.get(EXPORT, {**Q1, "format": "csv", "public": "1"})
    assert response["Content-Disposition"].endswith('-2026-Q1-public.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, kazakhstan = rows[0], next(row for row in rows if row[0] == "Kazakhstan")
    shown = dict(zip(header, kazakhstan, strict=True))
    assert shown["Departures · Men · Persons · Q1 2026"] == "5"
    assert shown["Departures · Women · Persons · Q1 2026"] == ".."
    assert shown["Departures · Total · Persons · Q1 2026"] == ".."


@pytest.mark.usefixtures("story")
def test_the_sdmx_download_is_sdmx_csv(client, sitora):
    client.force_login(sitora)
    response = client.get(EXPORT, {**Q1, "format": "sdmx"})
    first = response.content.decode().splitlines()[0]
    assert first.startswith("DATAFLOW,FREQ,REF_AREA,") and first.endswith(",OBS_VALUE,OBS_STATUS")
    assert response["Content-Disposition"].endswith('.sdmx.csv"')


def test_an_unknown_format_is_not_found(client, sitora):
    client.force_login(sitora)
    assert client.get(EXPORT, {**Q1, "format": "pdf"}).status_code == 404


# The public page.

PUBLIC = "/en/statistics/"


@pytest.fixture
def last_quarter(db):
    """Cards in the quarter before today's: 3 women and 12 men to Russia, 7 men to Kazakhstan,
    2 women to Türkiye."""
    today = datetime.date.today()
    first_month = (today.month - 1) // 3 * 3 + 1
    day = datetime.date(today.year, first_month, 1) - datetime.timedelta(days=40)
    cards = Cards()
    for sex, count, country in (("F", 3, "RU"), ("M", 12, "RU"), ("M", 7, "KZ"), ("F", 2, "TR")):
        for _number in range(count):
            cards.leaves(cards.person(sex), day, country=country)
    return cards


@pytest.mark.usefixtures("last_quarter")
def test_the_public_page_shows_no_count_under_five(client):
    html = client.get(PUBLIC).content.decode()
    assert ">Russia<" in html and ">Türkiye<" in html
    counts = re.findall(r"<td>(?:<strong>)?([^<]*)", html)
    assert counts, "the table is on the page"
    for shown in counts:
        assert shown in ("..", "0") or int(shown.replace(",", "")) >= 5, shown
    assert "12" in counts and ".." in counts


@pytest.mark.usefixtures("last_quarter")
def test_the_public_page_is_light_and_needs_no_script(client):
    for language in ("tg", "ru", "en"):
        html = client.get(f"/{language}/statistics/").content
        assert len(html) < 30 * 1024
        assert b"<script" not in html


@pytest.mark.usefixtures("last_quarter")
def test_the_public_downloads_are_suppressed_too(client):
    text = client.get(PUBLIC, {"format": "sdmx"}).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    values = [int(row["OBS_VALUE"]) for row in rows if row["OBS_VALUE"]]
    assert values and all(value == 0 or value >= 5 for value in values)
    assert any(row["OBS_STATUS"] == "C" for row in rows)
    csv_text = client.get(PUBLIC, {"format": "csv"}).content.decode("utf-8-sig")
    assert "Russia" in csv_text and ",3," not in csv_text
