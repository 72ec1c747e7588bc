"""Writing checklist templates and their items: managers and administrators.

Each function takes the acting person, checks the permission itself, runs in one transaction and
writes its audit entry in it. Items keep the positions 1, 2, 3… without gaps; inserting, moving
and removing renumber the others.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.departure.models import ChecklistItem, ChecklistTemplate

TEMPLATE_FIELDS = ["title_tg", "title_ru", "title_en", "is_published", "order"]
ITEM_FIELDS = ["text_tg", "text_ru", "text_en", "hint_tg", "hint_ru", "hint_en", "sheet", "tool"]


def _require(actor, permission):
    if not may(actor, f"departure.{permission}"):
        raise PermissionDenied


def _strip(fields):
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }


def _template_label(template):
    return f"{template.country.code} {template.purpose}"


def _item_label(item):
    return f"{_template_label(item.template)} #{item.position}"


@transaction.atomic
def create_template(
    *,
    actor,
    country,
    purpose,
    title_tg,
    title_ru="",
    title_en="",
    is_published=False,
    order=0,
):
    """A new checklist for one destination and purpose (one per pair)."""
    _require(actor, "add_checklisttemplate")
    template = ChecklistTemplate(
        country=country,
        purpose=purpose,
        is_published=is_published,
        order=order,
        **_strip({"title_tg": title_tg, "title_ru": title_ru, "title_en": title_en}),
    )
    template.full_clean()
    template.save()
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=template, label=_template_label(template)
    )
    return template


@transaction.atomic
def edit_template(*, actor, template, country=None, purpose=None, **fields):
    """Change titles, publication, order, or the destination and purpose themselves."""
    _require(actor, "change_checklisttemplate")
    unknown = set(fields) - set(TEMPLATE_FIELDS)
    if unknown:
        raise TypeError(f"not a template field: {', '.join(sorted(unknown))}")
    template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
    before = audit.snapshot(template)
    if country is not None:
        template.country = country
    if purpose is not None:
        template.purpose = purpose
    for name, value in _strip(fields).items():
        setattr(template, name, value)
    template.full_clean()
    template.save()
    changed = audit.changed_fields(before, template)
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=template,
            fields=changed,
            label=_template_label(template),
        )
    return template


def _place(template, ordered):
    """Give ``ordered`` (saved items of ``template``, maybe one unsaved) positions 1…n.

    The unique (template, position) constraint is checked row by row, so the saved items that
    move are first parked above every position in use, then set.
    """
    moving = [item for number, item in enumerate(ordered, 1) if item.pk and item.position != number]
    if moving:
        top = (template.items.aggregate(top=Max("position"))["top"] or 0) + len(ordered) + 1
        for offset, item in enumerate(moving):
            ChecklistItem.objects.filter(pk=item.pk).update(position=top + offset)
    for number, item in enumerate(ordered, 1):
        if item.pk and item.position != number:
            ChecklistItem.objects.filter(pk=item.pk).update(position=number)
        item.position = number


def _ordered_items(template):
    return list(ChecklistItem.objects.select_for_update().filter(template=template))


def _index_for(position, count):
    """A 1-based wished position as a list index, clamped to the list; None means the end."""
    if position is None:
        return count
    return min(max(int(position), 1), count + 1) - 1


@transaction.atomic
def add_item(*, actor, template, text_tg, position=None, **fields):
    """A new item at ``position`` (1 = first; the items from there move down), else at the end."""
    _require(actor, "add_checklistitem")
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not an item field: {', '.join(sorted(unknown))}")
    template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
    items = _ordered_items(template)
    item = ChecklistItem(template=template, position=len(items) + 1, text_tg=text_tg)
    for name, value in _strip(fields).items():
        setattr(item, name, value)
    item.text_tg = item.text_tg.strip()
    # The position is settled below; the rest is checked before anything moves.
    item.full_clean(validate_constraints=False)
    items.insert(_index_for(position, len(items)), item)
    _place(template, items)
    item.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=item, label=_item_label(item))
    return item


@transaction.atomic
def edit_item(*, actor, item, position=None, **fields):
    """Change an item's texts and links, and move it to ``position`` when given."""
    _require(actor, "change_checklistitem")
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not an item field: {', '.join(sorted(unknown))}")
    items = _ordered_items(item.template)
    item = next((each for each in items if each.pk == item.pk), None)
    if item is None:
        raise ValidationError(_("This item is no longer on the checklist."))
    before = audit.snapshot(item)
    for name, value in _strip(fields).items():
        setattr(item, name, value)
    item.full_clean(validate_constraints=False)
    if position is not None:
        items.remove(item)
        items.insert(_index_for(position, len(items)), item)
        _place(item.template, items)
    # ``_place`` has already written the position; the other fields go now.
    item.save(update_fields=[*ITEM_FIELDS, "position"])
    changed = audit.changed_fields(before, item)
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=item,
            fields=changed,
            label=_item_label(item),
        )
    return item


@transaction.atomic
def move_item(*, actor, item, direction):
    """One place up (``"up"``) or down (``"down"``); at either end nothing changes."""
    if direction not in {"up", "down"}:
        raise ValidationError(_("Choose up or down."))
    step = -1 if direction == "up" else 1
    return edit_item(actor=actor, item=item, position=max(item.position + step, 1))


@transaction.atomic
def remove_item(*, actor, item):
    """Take an item off the checklist; what people ticked for it goes with it."""
    _require(actor, "delete_checklistitem")
    items = _ordered_items(item.template)
    item = next((each for each in items if each.pk == item.pk), None)
    if item is None:
        return
    label = _item_label(item)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=item, label=label)
    items.remove(item)
    item.delete()
    _place(item.template, items)
