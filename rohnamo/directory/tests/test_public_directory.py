"""A migrant's wife in Kulob, on her phone and without an account, finds who helps with unpaid
wages in Yekaterinburg: by place, by kind of help or by a word in Tajik, Russian or Latin
letters. Only active services of public organisations show, on light pages without scripts."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from rohnamo.directory.models import Phone
from rohnamo.directory.tests.factories import helping_in, make_organization, make_service

HELP = "/ru/help/"
BUDGET = 30 * 1024


@pytest.fixture
def services(db):
    """Legal aid in Yekaterinburg, reintegration in Kulob, a consulate in Moscow; a closed
    service and a hidden organisation that must not show."""
    wages = helping_in("Екатеринбург", name="Правовой центр «Защита»",
                       phone="+7 343 000 00 01", cost="Бесплатно")  # fmt: skip
    kulob = helping_in(city="", country="TJ", district="khatlon-kulob",
                       name="Барномаи Кӯлоб", categories=("reintegration",))  # fmt: skip
    kulob.name = "Курсҳои касбӣ барои муҳоҷирони бозгашта"
    kulob.save()
    consulate = helping_in("Москва", name="Сафорати Тоҷикистон", categories=("consular",))
    consulate.name = "Шаҳодатномаи бозгашт ба ватан"
    consulate.save()
    make_service(wages.organization, "Закрытая услуга", status="inactive")
    hidden = make_organization("Скрытая организация", is_public=False)
    make_service(hidden, "Услуга скрытой организации")
    return {"wages": wages, "kulob": kulob, "consulate": consulate}


def names(response):
    return [entry.service.name for entry in response.context["entries"]]


def test_the_directory_lists_only_active_services_of_public_organisations(client, services):
    shown = names(client.get(HELP))

    assert sorted(shown) == sorted(service.name for service in services.values())


def test_a_category_link_narrows_the_list(client, services):
    response = client.get(HELP, {"category": "consular"})

    assert names(response) == ["Шаҳодатномаи бозгашт ба ватан"]


def test_a_place_abroad_is_chosen_by_country_or_by_city(client, services):
    assert sorted(names(client.get(HELP, {"place": "c:RU"}))) == [
        "Шаҳодатномаи бозгашт ба ватан",
        "Юридическая помощь",
    ]
    html = client.get(HELP).content.decode()
    city = re.search(r'<option value="(c:RU:[^"]+)">Екатеринбург</option>', html)[1]
    assert names(client.get(HELP, {"place": city})) == ["Юридическая помощь"]


def test_a_tajik_district_is_a_place_of_its_own(client, services):
    response = client.get(HELP, {"place": "d:khatlon-kulob"})

    assert names(response) == ["Курсҳои касбӣ барои муҳоҷирони бозгашта"]
    assert '<option value="d:khatlon-kulob" selected>' in response.content.decode()


@pytest.mark.parametrize("query", ["Кӯлоб", "кулоб", "Kulob", "бозгашта", "бозгашт КАСБӢ"])
def test_words_with_or_without_tajik_letters_find_the_same_service(client, services, query):
    assert "Курсҳои касбӣ барои муҳоҷирони бозгашта" in names(client.get(HELP, {"q": query}))


def test_a_category_and_a_place_together_can_find_nothing_and_say_so(client, services):
    response = client.get("/en/help/", {"category": "consular", "place": "d:khatlon-kulob"})

    assert names(response) == []
    assert "No service matches this choice." in response.content.decode()


def test_an_unknown_place_or_category_is_ignored_rather_than_an_error(client, services):
    response = client.get(HELP, {"place": "c:XX", "category": "nonsense", "page": "99"})

    assert response.status_code == 200
    assert len(names(response)) == 3


def test_services_are_in_tajik_alphabetical_order(client, db):
    organization = make_organization("Ташкилот")
    for name in ["Ҷамъият", "Ярдам", "Ҳимоя", "Ахбор", "Хона"]:
        make_service(organization, name)

    # By code point ҳ and ҷ would follow я; in the Tajik alphabet х < ҳ < ҷ < я.
    assert names(client.get(HELP)) == ["Ахбор", "Хона", "Ҳимоя", "Ҷамъият", "Ярдам"]


def test_each_service_shows_its_organisation_phones_hours_languages_cost_and_who_it_is_for(
    client, services
):
    Phone.objects.create(
        organization=services["wages"].organization, number="+7 900 000 00 02", kind="text",
        description="WhatsApp",
    )  # fmt: skip

    html = client.get(HELP, {"category": "legal-aid"}).content.decode()

    assert "Правовой центр «Защита»" in html
    assert 'href="tel:+73430000001"' in html
    assert 'href="tel:+79000000002"' in html and "WhatsApp" in html
    assert "Пн–Пт 10:00–18:00" in html
    assert "таджикский, русский" in html
    assert "Бесплатно" in html
    assert "Трудовые мигранты и их семьи." in html


def test_a_service_has_a_page_of_its_own(client, services):
    service = services["wages"]

    response = client.get(reverse("portal:help_service", args=[service.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert service.name in html
    assert "Екатеринбург, Россия" in html
    assert 'href="tel:+73430000001"' in html


def test_a_closed_service_or_a_hidden_organisation_has_no_public_page(client, services):
    closed = services["wages"].organization.services.get(name="Закрытая услуга")
    hidden = make_service(make_organization("Другая скрытая", is_public=False), "Скрыто")

    for service in (closed, hidden):
        assert client.get(reverse("portal:help_service", args=[service.pk])).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_needs_the_same_few_queries_however_many_services(
    client, db, count, django_assert_max_num_queries
):
    for index in range(count):
        helping_in(f"Город {index}", name=f"Центр {index}")
        Phone.objects.create(
            organization_id=helping_in(f"Село {index}").organization_id, number="+7 1"
        )

    with django_assert_max_num_queries(10):
        response = client.get(HELP)
    assert len(names(response)) == 2 * count


@pytest.fixture
def crowded(db):
    """More services than a page holds, with long texts and several phones each."""
    for index in range(45):
        service = helping_in(
            f"Город {index % 9}",
            name=f"Организация помощи мигрантам номер {index}",
            eligibility="Трудовые мигранты, их жёны, дети и родители, " * 6,
        )
        Phone.objects.create(service=service, number=f"+7 900 000 00 {index:02}", kind="text",
                             description="WhatsApp, Telegram")  # fmt: skip


def page_weight(client, path):
    html = client.get(path).content
    total = len(gzip.compress(html))
    for name in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html.decode()):
        with open(finders.find(name), "rb") as css:
            total += len(gzip.compress(css.read()))
    return total, html.decode()


@pytest.mark.parametrize(
    "path",
    ["/tg/help/", "/ru/help/", "/en/help/?place=c:RU&category=legal-aid", "/tg/help/?page=3"],
)
def test_a_directory_page_weighs_under_30_kb_without_scripts_or_outside_resources(
    client, crowded, path
):
    total, html = page_weight(client, path)

    assert total <= BUDGET, f"{path} weighs {total} bytes"
    assert "<script" not in html and "style=" not in html
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []


def test_a_service_page_weighs_under_30_kb(client, crowded):
    service = helping_in("Москва", eligibility="Очень длинное описание. " * 200)

    total, html = page_weight(client, reverse("portal:help_service", args=[service.pk]))

    assert total <= BUDGET
    assert "<script" not in html


def test_the_home_page_links_to_the_directory(client, db):
    assert 'href="/tg/help/"' in client.get("/tg/").content.decode()
