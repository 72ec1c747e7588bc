"""The public site: light, script-free, self-contained, in three languages."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from rohnamo.core.tests.factories import make_office

PUBLIC_PAGES = ["/tg/", "/ru/", "/en/", "/tg/offices/", "/ru/offices/", "/tg/about/"]
# The public request form (the heaviest page: every district and country), its result and tracking.
PUBLIC_PAGES += ["/tg/ask/", "/ru/ask/", "/tg/ask/sent/", "/tg/track/", "/ru/track/"]
# The service directory (its weight with many services is tested in rohnamo/directory/tests).
PUBLIC_PAGES += ["/tg/help/", "/en/help/?category=legal-aid"]
# Recruitment: the agency check and the vacancy search (their weight with many vacancies and
# every occupation is tested in rohnamo/portal/tests/test_jobs.py).
PUBLIC_PAGES += ["/tg/agencies/", "/ru/agencies/?q=Sharq", "/tg/jobs/", "/en/jobs/?country=RU"]
BUDGET = 30 * 1024


@pytest.fixture
def offices(khujand, kulob, centre):
    for index in range(10):
        make_office(
            f"branch-{index}", name_tg=f"Филиали рақами {index}", hotline="+992 37 000 00 00"
        )


def stylesheets(html):
    return re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_with_its_styles_weighs_under_30_kb_compressed(client, offices, path):
    html = client.get(path).content
    total = len(gzip.compress(html))
    for name in stylesheets(html.decode()):
        with open(finders.find(name), "rb") as css:
            total += len(gzip.compress(css.read()))
    assert total <= BUDGET, f"{path} weighs {total} bytes"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_needs_no_script_and_nothing_from_elsewhere(client, offices, path):
    html = client.get(path).content.decode()
    assert "<script" not in html
    assert "style=" not in html
    external = re.findall(r'(?:src|href)="(https?:)?//', html)
    assert external == []


def test_the_home_page_shows_the_hotlines_as_tap_to_call_links(client, offices):
    html = client.get("/tg/").content.decode()
    assert 'href="tel:+992341112233"' in html
    assert "+992 34 111 22 33" in html


def test_the_offices_page_lists_each_office_with_its_kind(client, offices):
    html = client.get("/ru/offices/").content.decode()
    assert "Филиали Хуҷанд" in html
    assert "Региональный филиал" in html


def test_closed_and_hidden_offices_are_not_listed(client, centre):
    make_office("closed", name_tg="Филиали пӯшида", is_active=False)
    make_office("internal", name_tg="Шӯъбаи дохилӣ", is_public=False)
    html = client.get("/tg/offices/").content.decode()
    assert "Филиали пӯшида" not in html
    assert "Шӯъбаи дохилӣ" not in html


def test_pages_are_served_with_a_strict_content_security_policy(client, db):
    policy = client.get("/tg/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_the_sitemap_lists_every_page_in_every_language(client, db):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("tg", "ru", "en"):
        for page in ("", "offices/", "about/"):
            assert f"/{language}/{page}</loc>" in xml
    assert 'hreflang="x-default"' in xml


def test_health_check_answers_when_the_database_is_up(client, db):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")


def test_health_check_reports_a_broken_database(client, db, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database is gone")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", broken_cursor)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database" in response.content


def test_an_unknown_address_gets_a_translated_not_found_page(client, db):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()
