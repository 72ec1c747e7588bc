"""The demo checklists: published, in three languages, linked to the demo sheets that exist, and
loaded again without duplicates."""

from rohnamo.departure.demo.checklists import load_demo_checklists
from rohnamo.departure.models import ChecklistItem, ChecklistTemplate
from rohnamo.knowledge.tests.factories import draft_sheet


def test_the_demo_loads_two_published_checklists_once(db):
    load_demo_checklists({})
    load_demo_checklists({})
    russia = ChecklistTemplate.objects.get(country__code="RU", purpose="work_construction")
    kazakhstan = ChecklistTemplate.objects.get(country__code="KZ", purpose="work_other")
    assert russia.is_published and kazakhstan.is_published
    assert russia.items.count() == 9 and 6 <= kazakhstan.items.count() <= 7
    assert ChecklistItem.objects.filter(text_ru="", text_en="").count() == 0
    assert "15" in russia.items.get(position=5).text_tg
    assert any(letter in russia.title_tg for letter in "ғӣқӯҳҷ") or "Русия" in russia.title_tg


def test_demo_items_link_to_demo_sheets_only_when_they_exist(nigora):
    load_demo_checklists({})
    assert not ChecklistItem.objects.filter(sheet__isnull=False).exists()
    sheet = draft_sheet(nigora, code="registration-russia").sheet
    load_demo_checklists({})
    linked = ChecklistItem.objects.get(sheet__isnull=False)
    assert linked.sheet == sheet and linked.template.country.code == "RU"
