"""A man going to Russia for construction work builds his checklist, ticks items off, comes back
to it by its code, prints it; nobody else's list and nothing about him is shown or kept."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from rohnamo.core.models import Country
from rohnamo.departure.choices import ChecklistPurpose
from rohnamo.departure.demo.checklists import load_demo_checklists
from rohnamo.departure.models import ChecklistTemplate, PersonalChecklist, TickedItem
from rohnamo.knowledge.tests.factories import draft_sheet, published_version

START = "/{lang}/checklist/"
BUDGET = 30 * 1024


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def russia(db):
    """The demo checklists; Russia for construction work is the one our traveller picks."""
    load_demo_checklists({})
    return ChecklistTemplate.objects.get(
        country__code="RU", purpose=ChecklistPurpose.WORK_CONSTRUCTION
    )


def build(client, template, lang="en", address="10.0.0.1"):
    response = client.post(
        START.format(lang=lang), {"template": template.pk, "create": "1"}, REMOTE_ADDR=address
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return PersonalChecklist.objects.latest("id"), response["Location"]


def items(template):
    return list(template.items.order_by("position"))


def test_the_start_page_offers_only_published_checklists_by_country(client, russia):
    ChecklistTemplate.objects.filter(country__code="KZ").update(is_published=False)
    page = client.get(START.format(lang="en")).content.decode()
    assert "Russia" in page and "Work in construction" in page
    assert "Kazakhstan" not in page
    assert 'type="radio"' in page and 'name="create"' in page and 'name="open"' in page
    assert "csrfmiddlewaretoken" in page and "<script" not in page


def test_a_man_builds_his_checklist_ticks_two_items_and_finds_them_ticked_by_code(client, russia):
    checklist, location = build(client, russia)
    assert location == f"/en/checklist/{checklist.code}/"
    assert len(checklist.code) == 8 and not set(checklist.code) & set("0O1I")
    page = client.get(location).content.decode()
    assert f"{checklist.code[:4]} {checklist.code[4:]}" in page
    assert "Write down this code to open your list again" in page
    assert "0 of 9 done" in page
    assert "Register with the migration authorities within 15 days of arrival" in page

    first, second, third = items(russia)[:3]
    saved = client.post(location, {"item": [first.pk, third.pk], "save": "1"}, follow=True)
    page = saved.content.decode()
    assert "Saved." in page and "2 of 9 done" in page

    # Another day, another phone: he types the code as he wrote it down.
    typed = f" {checklist.code[:4].lower()} {checklist.code[4:].lower()} "
    reopened = client.post(START.format(lang="en"), {"open-code": typed, "open": "1"}, follow=True)
    page = reopened.content.decode()
    assert reopened.redirect_chain[-1][0] == location
    assert f'value="{first.pk}" checked' in page and f'value="{third.pk}" checked' in page
    assert f'value="{second.pk}" checked' not in page

    client.post(location, {"item": [third.pk], "save": "1"})
    assert list(TickedItem.objects.values_list("item", flat=True)) == [third.pk]
    assert "1 of 9 done" in client.get(location).content.decode()


def test_a_wrong_code_says_so_and_opens_nothing(client, russia):
    build(client, russia)
    response = client.post(START.format(lang="en"), {"open-code": "ABCD EFGH", "open": "1"})
    assert "No checklist has this code" in response.content.decode()
    assert client.get("/en/checklist/ABCDEFGH/").status_code == 404
    tg = client.post(START.format(lang="tg"), {"open-code": "", "open": "1"}).content.decode()
    assert '<html lang="tg">' in tg and "open-code" in tg


def test_many_wrong_codes_from_one_address_are_refused(client, russia):
    checklist, location = build(client, russia)
    for attempt in range(30):
        client.post(START.format(lang="en"), {"open-code": f"XXXX{attempt:04d}", "open": "1"})
    response = client.post(START.format(lang="en"), {"open-code": checklist.code, "open": "1"})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


def test_a_lower_case_address_leads_to_the_list(client, russia):
    checklist, location = build(client, russia)
    response = client.get(f"/en/checklist/{checklist.code.lower()}/")
    assert response.status_code == 302 and response["Location"] == location


def test_the_tajik_page_speaks_tajik_and_the_russian_page_russian(client, russia):
    checklist, _location = build(client, russia, lang="tg")
    assert checklist.language == "tg"
    tajik = client.get(f"/tg/checklist/{checklist.code}/").content.decode()
    assert "Дар давоми 15 рӯзи пас аз омадан дар қайди муҳоҷиратӣ гиред" in tajik
    assert "Русия, кор дар сохтмон: пеш аз сафар" in tajik
    russian = client.get(f"/ru/checklist/{checklist.code}/").content.decode()
    assert "Встаньте на миграционный учёт в течение 15 дней после приезда" in russian
    assert "Дар давоми 15 рӯзи" not in russian


def test_a_missing_translation_falls_back_to_tajik(client, russia):
    item = items(russia)[4]
    item.text_en = ""
    item.save()
    checklist, location = build(client, russia)
    assert item.text_tg in client.get(location).content.decode()


def test_a_sheet_link_appears_only_while_the_sheet_is_published(client, nigora, bahrom, settings):
    settings.ROHNAMO_PUBLIC_URL = "https://rohnamo.example.tj/"
    published_version(nigora, bahrom, code="registration-russia")
    draft_sheet(nigora, code="employment-contract", title="Трудовой договор")
    load_demo_checklists({})
    template = ChecklistTemplate.objects.get(country__code="RU", purpose="work_construction")
    _checklist, location = build(client, template)
    page = client.get(location).content.decode()
    assert 'href="/en/sheets/registration-russia/"' in page
    assert "employment-contract" not in page
    # On paper, where nobody can click, the whole address is printed.
    assert "https://rohnamo.example.tj/en/sheets/registration-russia/" in page


def test_items_link_to_rohnamo_tools(client, russia):
    _checklist, location = build(client, russia)
    page = client.get(location).content.decode()
    assert 'href="/en/can-i-travel/"' in page and "Entry-ban check" in page
    assert 'href="/en/agencies/"' in page and 'href="/en/offices/"' in page
    try:
        with translation.override("en"):
            courses = reverse("portal:courses")
    except NoReverseMatch:
        assert "Orientation courses</a>" not in page
    else:
        assert f'href="{courses}"' in page
    assert "Take a pre-departure orientation course" in page, "the item stays, plain if need be"


def test_only_a_published_checklist_can_be_built(client, russia):
    kazakhstan = ChecklistTemplate.objects.get(country__code="KZ")
    kazakhstan.is_published = False
    kazakhstan.save()
    response = client.post(START.format(lang="en"), {"template": kazakhstan.pk, "create": "1"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not PersonalChecklist.objects.exists()


def test_ticks_for_items_of_another_checklist_are_ignored(client, russia):
    _checklist, location = build(client, russia)
    foreign = ChecklistTemplate.objects.get(country__code="KZ").items.first()
    client.post(location, {"item": [foreign.pk, "not-a-number"], "save": "1"})
    assert not TickedItem.objects.exists()


def test_one_address_cannot_fill_the_table(client, russia):
    for _ in range(20):
        build(client, russia, address="10.9.9.9")
    response = client.post(
        START.format(lang="en"),
        {"template": russia.pk, "create": "1"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 429
    assert "Too many checklists were started from your connection" in response.content.decode()
    assert PersonalChecklist.objects.count() == 20
    build(client, russia, address="10.9.9.10")


def test_the_printable_version_shows_boxes_and_no_form(client, russia):
    checklist, location = build(client, russia)
    first = items(russia)[0]
    client.post(location, {"item": [first.pk], "save": "1"})
    page = client.get(f"{location}?print=1").content.decode()
    assert page.count("☑") == 1 and page.count("☐") == 8
    assert 'type="checkbox"' not in page
    assert checklist.code[:4] in page


def test_nothing_but_the_code_language_and_ticks_is_kept(client, russia):
    checklist, _location = build(client, russia)
    fields = {field.name for field in PersonalChecklist._meta.concrete_fields}
    assert fields == {"id", "code", "template", "language", "created_at", "last_opened_at"}
    assert checklist.template == russia and Country.objects.get(code="RU") == russia.country


@pytest.mark.parametrize("suffix", ["", "?print=1", "start"])
def test_the_pages_weigh_under_30_kb_with_styles_and_need_no_script(client, russia, suffix):
    _checklist, location = build(client, russia, lang="tg")
    path = START.format(lang="tg") if suffix == "start" else f"/tg{location[3:]}{suffix}"
    html = client.get(path).content
    total = len(gzip.compress(html))
    for name in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html.decode()):
        with open(finders.find(name), "rb") as css:
            total += len(gzip.compress(css.read()))
    assert total <= BUDGET, f"{path} weighs {total} bytes"
    text = html.decode()
    assert "<script" not in text and "style=" not in text
