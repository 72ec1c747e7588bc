"""The migration dashboard against figures worked out by hand from a few known travellers."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from rohnamo.core.choices import Role
from rohnamo.core.models import Country, District
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.choices import Direction, Sex
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch, Person, Trip

pytestmark = pytest.mark.django_db

END = "2026-06-30"
URL = reverse("crossings:dashboard")


def day(text):
    return datetime.date.fromisoformat(text)


class TableReader(HTMLParser):
    """The cells of every ``<table data-table=…>`` on a page, row by row, as text."""

    def __init__(self):
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-table" in attrs:
            self.current = self.tables.setdefault(attrs["data-table"], [])
        elif tag == "tr" and self.current is not None:
            self.row = []
            self.current.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "table":
            self.current, self.row = None, None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def tables_of(response):
    reader = TableReader()
    reader.feed(response.content.decode())
    return reader.tables


def rows_by_label(table):
    return {row[0]: row[1:] for row in table[1:]}


@pytest.fixture
def statistician(centre):
    return make_user("zarina", Role.STATISTICIAN, centre)


def _client(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


class Border:
    """Cards and trips written directly, with the figures the tests expect."""

    def __init__(self):
        self.batch = ImportBatch.objects.create(file_name="test.csv")
        self.point = CrossingPoint.objects.get(code="DYU")
        self.number = 0

    def person(self, sex, birth, surname="Ҳасанов"):
        return Person.objects.create(
            surname=surname, given_name="Алишер", sex=sex, birth_date=birth and day(birth)
        )

    def card(self, person, direction, on, country=None, district=None):
        self.number += 1
        return Crossing.objects.create(
            batch=self.batch,
            crossing_point=self.point,
            card_number=f"C{self.number:05d}",
            direction=direction,
            crossing_date=day(on),
            surname=person.surname if person else "",
            sex=person.sex if person else "",
            person=person,
            country=country and Country.objects.get(code=country),
            residence_district=district and District.objects.get(code=district),
        )

    def trip(self, person, left, returned=None):
        return Trip.objects.create(
            person=person, left_on=day(left), returned_on=returned and day(returned)
        )


KHUJAND, KULOB = "sughd-khujand", "khatlon-kulob"


@pytest.fixture
def border():
    """Five persons and one unlinked card; on 30 June 2026 four persons are abroad.

    p1 man, 35: away 1 Oct 2025 – 20 Jan 2026 and again since 10 Mar 2026 (two departure cards
       in March: the return between them was lost), Russia, Khujand.
    p2 woman, 26 today: away 1 May – 30 June 2026 (back on the day), Kazakhstan, Kulob.
    p3 woman, 24: left on 30 June 2026, Russia, Kulob.
    p4 man, birth date unknown: away since January 2024 (outside every twelve-month window).
    p5 man, 76: away 1 Jan 2026 – 1 Dec 2026 (an estimated return), Turkey, no district.
    An unlinked departure card on 15 June 2026 to Kazakhstan from Khujand.
    """
    b = Border()
    p1 = b.person(Sex.MALE, "1990-07-01")
    p2 = b.person(Sex.FEMALE, "2000-06-30")
    p3 = b.person(Sex.FEMALE, "2001-07-01")
    p4 = b.person(Sex.MALE, None)
    p5 = b.person(Sex.MALE, "1950-01-01")
    b.card(p1, Direction.EXIT, "2025-10-01", "RU", KHUJAND)
    b.card(p1, Direction.ENTRY, "2026-01-20", "RU", KHUJAND)
    b.card(p1, Direction.EXIT, "2026-03-10", "RU", KHUJAND)
    b.card(p1, Direction.EXIT, "2026-03-25", "RU", KHUJAND)
    b.card(p2, Direction.EXIT, "2026-05-01", "KZ", KULOB)
    b.card(p2, Direction.ENTRY, "2026-06-30", "KZ", KULOB)
    b.card(p3, Direction.EXIT, "2026-06-30", "RU", KULOB)
    b.card(p4, Direction.EXIT, "2024-01-05", "RU", KULOB)
    b.card(p5, Direction.EXIT, "2026-01-01", "TR")
    b.card(None, Direction.EXIT, "2026-06-15", "KZ", KHUJAND)
    b.trip(p1, "2025-10-01", "2026-01-20")
    b.trip(p1, "2026-03-10")
    b.trip(p2, "2026-05-01", "2026-06-30")
    b.trip(p3, "2026-06-30")
    b.trip(p4, "2024-01-05")
    b.trip(p5, "2026-01-01", "2026-12-01")
    return b


def test_the_monthly_table_counts_cards_and_the_persons_departing(client, statistician, border):
    tables = tables_of(_client(client, statistician).get(URL, {"end": END}))
    months = rows_by_label(tables["months"])
    assert len(tables["months"]) == 1 + 24 + 1  # headings, 24 months, the total line
    assert "2024-07" in months and "2024-06" not in months
    # departures, returns, persons departing
    assert months["2025-10"] == ["1", "0", "1"]
    assert months["2026-01"] == ["1", "1", "1"]
    assert months["2026-03"] == ["2", "0", "1"]  # two cards, one traveller
    assert months["2026-05"] == ["1", "0", "1"]
    assert months["2026-06"] == ["2", "1", "1"]  # the unlinked card is no person
    assert months["2026-04"] == ["0", "0", "0"]
    assert months["Total"] == ["7", "2", ""]


def test_persons_abroad_are_counted_at_each_month_end(client, statistician, border):
    tables = tables_of(_client(client, statistician).get(URL, {"end": END}))
    abroad = rows_by_label(tables["abroad"])
    assert abroad["2024-07-31"] == ["1"]  # p4
    assert abroad["2025-12-31"] == ["2"]  # p1's first trip, p4
    assert abroad["2026-01-31"] == ["2"]  # p1 back on the 20th; p4, p5
    assert abroad["2026-05-31"] == ["4"]  # p1, p2, p4, p5
    # p2 came back on the 30th and p3 left on it: the chosen day is the last point.
    assert abroad["2026-06-30"] == ["4"]


def test_destinations_rank_countries_by_persons_then_cards(client, statistician, border):
    tables = tables_of(_client(client, statistician).get(URL, {"end": END}))
    table = tables["destinations"]
    assert [row[0] for row in table[1:]] == ["Russia", "Kazakhstan", "Türkiye", "Total"] or [
        row[0] for row in table[1:]
    ] == ["Russia", "Kazakhstan", "Turkey", "Total"]
    lines = table[1:]
    # p4's card of January 2024 is outside the twelve months up to the chosen day.
    assert lines[0][1:] == ["4", "2"]
    assert lines[1][1:] == ["2", "1"]
    assert lines[2][1:] == ["1", "1"]
    assert lines[3] == ["Total", "7", "4"]


def test_districts_of_origin_put_cards_without_a_district_last(client, statistician, border):
    tables = tables_of(_client(client, statistician).get(URL, {"end": END}))
    table = tables["districts"]
    names = [row[0] for row in table[1:]]
    assert names[-2:] == ["Not stated", "Total"]
    rows = rows_by_label(table)
    kulob = District.objects.get(code=KULOB).name_en
    khujand = District.objects.get(code=KHUJAND).name_en
    assert names[:2] == [kulob, khujand]  # two persons before one person with four cards
    assert rows[kulob] == ["2", "2"]
    assert rows[khujand] == ["4", "1"]
    assert rows["Not stated"] == ["1", "1"]


def test_the_pyramid_counts_persons_abroad_by_age_on_the_chosen_day(client, statistician, border):
    tables = tables_of(_client(client, statistician).get(URL, {"end": END}))
    pyramid = rows_by_label(tables["pyramid"])
    # men, women, total
    assert pyramid["35–39"] == ["1", "0", "1"]
    assert pyramid["20–24"] == ["0", "1", "1"]  # p3: 25 only tomorrow
    assert pyramid["75+"] == ["1", "0", "1"]
    assert pyramid["25–29"] == ["0", "0", "0"]  # p2 is back
    assert pyramid["Age not known"] == ["1", "0", "1"]
    assert pyramid["Total"] == ["3", "1", "4"]


def test_a_manager_sees_the_charts_but_no_name(client, bahrom, border):
    response = _client(client, bahrom).get(URL, {"end": END})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == 5 and "<script" not in page
    assert "Ҳасанов" not in page and "Алишер" not in page and "C00001" not in page
    assert rows_by_label(tables_of(response)["pyramid"])["Total"] == ["3", "1", "4"]


def test_a_counsellor_finds_no_dashboard(client, nigora, border):
    assert _client(client, nigora).get(URL).status_code == 404


def test_the_page_shows_today_when_no_day_is_chosen_and_refuses_a_future_day(
    client, statistician, border
):
    response = _client(client, statistician).get(URL, {"end": "2999-01-01"})
    assert "Choose a day from 2000-01-01 to" in response.content.decode()
    months = tables_of(response)["months"]
    assert months[-2][0] == datetime.date.today().strftime("%Y-%m")


def test_the_dashboard_makes_the_same_few_queries_however_many_cards(
    client, statistician, border, django_assert_max_num_queries
):
    client = _client(client, statistician)
    client.get(URL, {"end": END})  # sessions, content types: warmed up
    with django_assert_max_num_queries(12) as small:
        client.get(URL, {"end": END})
    for _ in range(30):
        person = border.person(Sex.FEMALE, "1995-01-01")
        border.card(person, Direction.EXIT, "2026-02-01", "RU", KULOB)
        border.trip(person, "2026-02-01")
    with django_assert_max_num_queries(12) as large:
        response = client.get(URL, {"end": END})
    assert len(large.captured_queries) == len(small.captured_queries)
    assert rows_by_label(tables_of(response)["abroad"])["2026-06-30"] == ["34"]


def test_the_page_stays_light(client, statistician, border):
    response = _client(client, statistician).get(URL, {"end": END})
    assert len(response.content) < 60_000


def test_chart_labels_are_escaped_and_zero_data_draws_nothing():
    from rohnamo.lib.charts_more import horizontal_bar_chart, line_chart, pyramid_chart

    svg = horizontal_bar_chart([("<b>Кӯлоб</b>", 3)], title="Districts & cities")
    assert "&lt;b&gt;Кӯлоб&lt;/b&gt;" in svg and "<b>" not in svg
    assert 'aria-label="Districts &amp; cities"' in svg
    assert (
        line_chart([], [], title="x") == ""
        and pyramid_chart([], title="x", left_name="M", right_name="F") == ""
    )
