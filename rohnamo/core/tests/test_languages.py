"""Tajik by default, Russian and English on request; the choice sticks."""

import datetime
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parents[3]


def test_staff_pages_open_in_tajik_by_default(client, nigora):
    client.force_login(nigora)
    page = client.get(reverse("staff:office", args=["khujand"])).content.decode()
    assert '<html lang="tg">' in page
    assert "Баромад" in page  # "Log out"


def test_switching_to_russian_sticks_across_pages_and_back(client, nigora):
    client.force_login(nigora)
    dashboard = reverse("staff:office", args=["khujand"])
    response = client.post(reverse("set_language"), {"language": "ru", "next": dashboard})
    assert response.status_code == 302
    assert response["Location"] == dashboard
    assert "Выйти" in client.get(dashboard).content.decode()
    assert "Выйти" in client.get(reverse("staff:jobs")).content.decode()
    client.post(reverse("set_language"), {"language": "tg", "next": dashboard})
    assert "Баромад" in client.get(dashboard).content.decode()


def test_the_login_page_is_translated(client):
    client.cookies["django_language"] = "en"
    assert "Log in" in client.get(reverse("staff:login")).content.decode()
    client.cookies["django_language"] = "ru"
    assert "Войти" in client.get(reverse("staff:login")).content.decode()


def test_the_public_site_carries_its_language_in_the_address(client, db):
    assert client.get("/ru/").content.decode().count('lang="ru"') >= 1
    english = client.get("/en/about/").content.decode()
    assert "About Rohnamo" in english
    assert 'href="/tg/about/"' in english
    assert 'href="/ru/about/"' in english


def test_a_language_chosen_on_the_public_site_is_remembered(client, nigora):
    response = client.get("/ru/")
    assert response.cookies["django_language"].value == "ru"
    client.force_login(nigora)
    assert "Выйти" in client.get(reverse("staff:office", args=["khujand"])).content.decode()


def test_the_bare_address_opens_in_the_remembered_language(client, db):
    assert client.get("/")["Location"] == "/tg/"
    client.cookies["django_language"] = "ru"
    assert client.get("/")["Location"] == "/ru/"


def test_dates_are_written_the_local_way():
    day = datetime.date(2026, 3, 8)
    with translation.override("ru"):
        assert formats.date_format(day) == "8 марта 2026 г."
    with translation.override("en"):
        assert formats.date_format(day) == "March 8, 2026"
    with translation.override("tg"):
        assert "2026" in formats.date_format(day)
        assert formats.date_format(day) != "March 8, 2026"


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_every_interface_string_is_translated(language):
    catalog = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    for selection in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", selection, "--no-wrap", str(catalog)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "msgid" not in result.stdout, f"{language} {selection}:\n{result.stdout}"
