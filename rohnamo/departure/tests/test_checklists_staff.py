"""Bahrom the manager writes checklists and their items; Nigora the counsellor finds no such
page; every change is audited; the list shows how much each checklist is used."""

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry, Country
from rohnamo.departure.checklists import services
from rohnamo.departure.checklists.personal import save_ticks, start_checklist
from rohnamo.departure.models import ChecklistItem, ChecklistTemplate
from rohnamo.knowledge.tests.factories import draft_sheet

LIST = "/staff/departure/checklists/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def login(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def tajikistan_to_russia(bahrom):
    """A checklist for construction work in Russia with three items, written by Bahrom."""
    template = services.create_template(
        actor=bahrom,
        country=Country.objects.get(code="RU"),
        purpose="work_construction",
        title_tg="Русия, кор дар сохтмон",
        title_en="Russia, construction",
        is_published=True,
    )
    for text in ["Шиноснома", "Қайди муҳоҷиратӣ", "Патент ҳар моҳ"]:
        services.add_item(actor=bahrom, template=template, text_tg=text)
    return template


def texts(template):
    return list(template.items.order_by("position").values_list("position", "text_tg"))


def test_a_counsellor_finds_no_checklist_page_and_changes_nothing(
    client, nigora, tajikistan_to_russia
):
    item = tajikistan_to_russia.items.first()
    login(client, nigora)
    pk = tajikistan_to_russia.pk
    for url in [LIST, f"{LIST}new/", f"{LIST}{pk}/", f"{LIST}{pk}/items/{item.pk}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"{LIST}{pk}/", {"add_item": "1", "new-text_tg": "Ҷ"}).status_code == 404
    assert client.post(f"{LIST}{pk}/items/{item.pk}/remove/").status_code == 404
    assert "Pre-departure checklists" not in client.get("/staff/", follow=True).content.decode()
    assert ChecklistItem.objects.count() == 3
    with pytest.raises(PermissionDenied):
        services.add_item(actor=nigora, template=tajikistan_to_russia, text_tg="Ҳ")


def test_a_manager_creates_a_checklist_and_adds_items_where_he_wants(client, bahrom):
    login(client, bahrom)
    assert "Pre-departure checklists" in client.get("/staff/", follow=True).content.decode()
    response = client.post(
        f"{LIST}new/",
        {
            "country": Country.objects.get(code="KZ").pk,
            "purpose": "work_agriculture",
            "title_tg": "Қазоқистон, кори кишоварзӣ",
            "order": "0",
        },
    )
    template = ChecklistTemplate.objects.get()
    assert response["Location"] == f"{LIST}{template.pk}/"
    url = response["Location"]
    client.post(url, {"add_item": "1", "new-text_tg": "Шиносномаро санҷед"})
    page = client.post(
        url,
        {"add_item": "1", "new-text_tg": "Ҷои корро бифаҳмед", "new-position": "1"},
        follow=True,
    ).content.decode()
    assert "Item added at position 1." in page
    assert texts(template) == [(1, "Ҷои корро бифаҳмед"), (2, "Шиносномаро санҷед")]
    created = AuditEntry.objects.filter(action=AuditAction.CREATE)
    assert created.filter(object_label="KZ work_agriculture").count() == 1
    assert created.filter(object_label__startswith="KZ work_agriculture #").count() == 2


def test_the_same_country_and_purpose_cannot_be_written_twice(client, bahrom, tajikistan_to_russia):
    login(client, bahrom)
    page = client.post(
        f"{LIST}new/",
        {
            "country": Country.objects.get(code="RU").pk,
            "purpose": "work_construction",
            "title_tg": "Боз як бор",
            "order": "0",
        },
    ).content.decode()
    assert "already exists" in page
    assert ChecklistTemplate.objects.count() == 1


def test_a_manager_moves_edits_and_removes_items_and_each_is_audited(
    client, bahrom, nigora, tajikistan_to_russia
):
    template = tajikistan_to_russia
    first, second, third = template.items.order_by("position")
    login(client, bahrom)
    base = f"{LIST}{template.pk}/items"
    client.post(f"{base}/{third.pk}/move/", {"direction": "up"})
    assert texts(template) == [(1, "Шиноснома"), (2, "Патент ҳар моҳ"), (3, "Қайди муҳоҷиратӣ")]
    client.post(f"{base}/{third.pk}/move/", {"direction": "up"})
    client.post(f"{base}/{third.pk}/move/", {"direction": "up"})  # already first: stays
    assert texts(template)[0] == (1, "Патент ҳар моҳ")

    sheet = draft_sheet(nigora, code="work-permit-russia").sheet
    form = {"text_tg": "Патентро ҳар моҳ пардохт кунед", "position": "3", "sheet": sheet.code}
    client.post(f"{base}/{third.pk}/", {**form, "tool": ""})
    third.refresh_from_db()
    assert (third.position, third.sheet, third.text_tg) == (3, sheet, form["text_tg"])
    assert texts(template)[:2] == [(1, "Шиноснома"), (2, "Қайди муҳоҷиратӣ")]

    client.post(f"{base}/{first.pk}/remove/", {"remove": "1"})
    assert texts(template) == [(1, "Қайди муҳоҷиратӣ"), (2, "Патентро ҳар моҳ пардохт кунед")]
    assert AuditEntry.objects.filter(
        action=AuditAction.DELETE, object_id=str(first.pk), actor=bahrom
    ).exists()
    changed = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(third.pk))
    assert any({"sheet", "text_tg"} <= set(entry.fields) for entry in changed)


def test_an_item_needs_its_tajik_text_and_a_known_sheet(client, bahrom, tajikistan_to_russia):
    login(client, bahrom)
    url = f"{LIST}{tajikistan_to_russia.pk}/"
    page = client.post(url, {"add_item": "1", "new-text_tg": "", "new-sheet": "nope"})
    assert page.status_code == 200
    assert "This field is required." in page.content.decode()
    assert tajikistan_to_russia.items.count() == 3


def test_the_manager_edits_the_titles_and_unpublishes(client, bahrom, tajikistan_to_russia):
    login(client, bahrom)
    template = tajikistan_to_russia
    client.post(
        f"{LIST}{template.pk}/",
        {
            "save_template": "1",
            "country": template.country_id,
            "purpose": template.purpose,
            "title_tg": "Русия: сохтмон",
            "title_ru": "Россия: стройка",
            "title_en": template.title_en,
            "order": "2",
        },
    )
    template.refresh_from_db()
    assert (template.title_ru, template.is_published, template.order) == (
        "Россия: стройка",
        False,
        2,
    )
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(template.pk)).get()
    assert set(entry.fields) == {"title_tg", "title_ru", "is_published", "order"}


def test_the_list_shows_how_much_each_checklist_is_used(client, bahrom, tajikistan_to_russia):
    items = list(tajikistan_to_russia.items.all())
    for ticked in [items[:1], items[:2]]:
        checklist = start_checklist(template=tajikistan_to_russia, language="tg", address="x")
        save_ticks(checklist=checklist, item_ids=[item.pk for item in ticked])
    login(client, bahrom)
    response = client.get(LIST)
    row = response.context["templates"][0]
    assert (row.item_count, row.checklist_count, row.tick_count) == (3, 2, 3)
    assert "1.5" in response.content.decode()


@pytest.mark.parametrize("extra", [0, 12])
def test_the_checklist_list_has_no_n_plus_one(
    client, bahrom, tajikistan_to_russia, extra, django_assert_max_num_queries
):
    countries = Country.objects.exclude(code="RU").order_by("code")[:extra]
    for country in countries:
        template = services.create_template(
            actor=bahrom, country=country, purpose="study", title_tg=f"Таҳсил {country.code}"
        )
        services.add_item(actor=bahrom, template=template, text_tg="Ҳуҷҷатҳо")
        template = services.edit_template(actor=bahrom, template=template, is_published=True)
        checklist = start_checklist(template=template, language="ru", address=country.code)
        save_ticks(checklist=checklist, item_ids=[template.items.get().pk])
    login(client, bahrom)
    with django_assert_max_num_queries(10):
        response = client.get(LIST)
    assert len(response.context["templates"]) == extra + 1
