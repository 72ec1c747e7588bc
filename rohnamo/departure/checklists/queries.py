"""Reading checklists: the staff list with its usage, what the public may choose, and one
personal checklist as its page shows it.

Templates are the centre's shared content, not any office's: every person with the permission
sees all of them. Each staff function checks the permission itself.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse

from rohnamo.core.roles import may
from rohnamo.departure.choices import ChecklistPurpose, ChecklistTool
from rohnamo.departure.models import (
    ChecklistItem,
    ChecklistTemplate,
    PersonalChecklist,
    TickedItem,
)
from rohnamo.knowledge.queries import public_versions
from rohnamo.lib.collation import sort_key


def _count(queryset, field):
    """A correlated ``COUNT`` grouped by ``field``, for one template row."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def templates_for_staff(user):
    """Every template with its number of items, of personal checklists and of ticks, sorted by
    country name and purpose; none for a user without ``view_checklisttemplate``.

    Counted with one GROUP BY subquery each: the list costs one query however much it is used.
    """
    if not may(user, "departure.view_checklisttemplate"):
        return []
    templates = ChecklistTemplate.objects.select_related("country").annotate(
        item_count=_count(ChecklistItem.objects, "template"),
        checklist_count=_count(PersonalChecklist.objects, "template"),
        tick_count=_count(TickedItem.objects, "checklist__template"),
    )
    rows = list(templates)
    for template in rows:
        template.average_ticked = (
            template.tick_count / template.checklist_count if template.checklist_count else None
        )
    return sorted(rows, key=lambda template: (sort_key(template.country.name), template.purpose))


def template_queryset_for_staff(user):
    """Templates a staff page may open by id (404 for the rest)."""
    if not may(user, "departure.view_checklisttemplate"):
        return ChecklistTemplate.objects.none()
    return ChecklistTemplate.objects.select_related("country")


def items_of(template):
    return list(template.items.select_related("sheet").order_by("position"))


def public_template_choices():
    """Published templates with at least one item, grouped by country for the start form:
    ``[(country name, [(template id, purpose label), …]), …]`` in alphabetical order."""
    templates = (
        ChecklistTemplate.objects.filter(is_published=True, items__isnull=False)
        .distinct()
        .select_related("country")
    )
    by_country = {}
    for template in templates:
        by_country.setdefault(template.country, []).append(template)
    purposes = list(ChecklistPurpose.values)
    return [
        (
            country.name,
            [
                (template.pk, template.get_purpose_display())
                for template in sorted(
                    by_country[country], key=lambda each: (each.order, purposes.index(each.purpose))
                )
            ],
        )
        for country in sorted(by_country, key=lambda country: sort_key(country.name))
    ]


def public_templates():
    return ChecklistTemplate.objects.filter(is_published=True).select_related("country")


def _tool_path(tool):
    """The public page of a tool, or ``None`` when the site has no such page (yet)."""
    try:
        return reverse(f"portal:{tool}")
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class Link:
    """A page an item points to: its ``kind`` is "sheet" or the label of the public tool."""

    kind: str
    path: str

    @property
    def url(self):
        """The full address, printed on paper where nobody can click."""
        return settings.ROHNAMO_PUBLIC_URL.rstrip("/") + self.path


@dataclass
class Row:
    """One item as a person's checklist page shows it."""

    item: ChecklistItem
    ticked: bool
    links: list = field(default_factory=list)


def checklist_rows(checklist):
    """The items of ``checklist`` in order, ticked or not, each with its links: the sheet while
    it has a published version, and the tool when the site has its page."""
    items = items_of(checklist.template)
    ticked = set(checklist.ticks.values_list("item_id", flat=True))
    sheet_ids = {item.sheet_id for item in items if item.sheet_id}
    published = set(
        public_versions().filter(sheet_id__in=sheet_ids).values_list("sheet_id", flat=True)
    )
    tools = dict(ChecklistTool.choices)
    rows = []
    for item in items:
        row = Row(item=item, ticked=item.pk in ticked)
        if item.sheet_id in published:
            row.links.append(Link("sheet", reverse("portal:sheet", args=[item.sheet.code])))
        if item.tool and (path := _tool_path(item.tool)):
            row.links.append(Link(str(tools[item.tool]), path))
        rows.append(row)
    return rows
