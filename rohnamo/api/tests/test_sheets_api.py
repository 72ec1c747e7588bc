"""Partner websites read published sheets, filtered and searched, without seeing drafts."""

import pytest

from rohnamo.core.models import Country
from rohnamo.knowledge.tests.factories import draft_sheet, published_version


@pytest.fixture
def sheets(nigora, bahrom):
    published_version(nigora, bahrom, countries=[Country.objects.get(code="RU")])
    published_version(
        nigora, bahrom, code="customs", topic="customs", stage="before", title="Таможня"
    )
    draft_sheet(nigora, code="draft-only", title="Черновик")


def codes(response):
    return sorted(row["sheet"] for row in response.json()["results"])


def test_partners_read_published_sheets_without_a_login(client, sheets):
    response = client.get("/api/v1/sheets/")
    assert codes(response) == ["customs", "registration-russia"]
    first = response.json()["results"][1]
    assert first["url"].endswith("/ru/sheets/registration-russia/")
    assert first["countries"] == ["RU"]


def test_sheets_filter_by_topic_stage_country_and_language(client, sheets):
    assert codes(client.get("/api/v1/sheets/", {"topic": "customs"})) == ["customs"]
    assert codes(client.get("/api/v1/sheets/", {"stage": "abroad"})) == ["registration-russia"]
    assert codes(client.get("/api/v1/sheets/", {"country": "kz"})) == ["customs"]
    assert codes(client.get("/api/v1/sheets/", {"language": "tg"})) == []


def test_the_api_search_returns_ranked_hits_with_snippets(client, sheets):
    hits = client.get("/api/v1/sheets/search/", {"q": "регистрация"}).json()
    assert hits[0]["version"]["sheet"] == "registration-russia"
    assert "<mark>" in hits[0]["snippet"]


def test_the_api_search_never_returns_drafts(client, sheets):
    # Every sheet of the fixture, the draft included, says "Граждане Таджикистана".
    hits = client.get("/api/v1/sheets/search/", {"q": "граждане"}).json()
    assert sorted(hit["version"]["sheet"] for hit in hits) == ["customs", "registration-russia"]


def test_an_empty_api_search_finds_nothing(client, sheets):
    assert client.get("/api/v1/sheets/search/", {"q": "  "}).json() == []
