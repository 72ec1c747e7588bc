"""Personal checklists on the public site: building one, opening it by its code, ticking items.

Nobody logs in and nothing about the person is kept (no name, no address, no phone), so these
writes have no actor and no audit entry: the log would only fill up with anonymous ticks. What
keeps the table from being filled by a script is a limit on new lists per client address, and one
on wrong codes so that nobody walks through the codes of others.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.departure.checklists.codes import looks_valid, new_code
from rohnamo.departure.models import PersonalChecklist, TickedItem
from rohnamo.lib.codes import plain_code
from rohnamo.lib.ratelimit import HOUR, Rate, exceeded, hit

NEW_PER_ADDRESS = [Rate(20, HOUR)]
WRONG_CODES_PER_ADDRESS = [Rate(30, HOUR)]
CODE_ATTEMPTS = 5


def start_checklist(*, template, language, address):
    """A new personal checklist from a published ``template``, with a fresh unique code.

    Raises ``ValidationError`` when the template is not published or the address has already
    built too many lists this hour.
    """
    if not template.is_published:
        raise ValidationError({"template": _("This checklist is not available.")})
    who = address or "unknown"
    if exceeded("checklist-new", who, NEW_PER_ADDRESS):
        raise ValidationError(
            _("Too many checklists were started from your connection. Try again in an hour.")
        )
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                checklist = PersonalChecklist.objects.create(
                    code=new_code(),
                    template=template,
                    language=language,
                    last_opened_at=timezone.now(),
                )
        except IntegrityError:
            # Two lists drew the same code (about once in 10^11): draw again.
            continue
        hit("checklist-new", who, NEW_PER_ADDRESS)
        return checklist
    raise RuntimeError("no free checklist code after several draws")


def open_checklist(*, code, address):
    """The personal checklist with ``code`` (case, spaces and hyphens ignored), or ``None``.

    Stamps when it was last opened. Raises ``ValidationError`` when the address has tried too
    many wrong codes this hour.
    """
    who = address or "unknown"
    if exceeded("checklist-code", who, WRONG_CODES_PER_ADDRESS):
        raise ValidationError(_("Too many wrong codes were tried. Try again in an hour."))
    code = plain_code(code)
    checklist = None
    if looks_valid(code):
        checklist = (
            PersonalChecklist.objects.select_related("template", "template__country")
            .filter(code=code)
            .first()
        )
    if checklist is None:
        hit("checklist-code", who, WRONG_CODES_PER_ADDRESS)
        return None
    checklist.last_opened_at = timezone.now()
    PersonalChecklist.objects.filter(pk=checklist.pk).update(
        last_opened_at=checklist.last_opened_at
    )
    return checklist


@transaction.atomic
def save_ticks(*, checklist, item_ids):
    """Store exactly the ticked set: ``item_ids`` of the checklist's items; others are ignored.

    Items ticked before keep their first ``ticked_at``. Returns the number now ticked.
    """
    wanted = set(
        checklist.template.items.filter(pk__in=_ids(item_ids)).values_list("pk", flat=True)
    )
    TickedItem.objects.filter(checklist=checklist).exclude(item_id__in=wanted).delete()
    already = set(TickedItem.objects.filter(checklist=checklist).values_list("item_id", flat=True))
    TickedItem.objects.bulk_create(
        [TickedItem(checklist=checklist, item_id=pk) for pk in sorted(wanted - already)]
    )
    return len(wanted)


def _ids(values):
    ids = set()
    for value in values:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            # A tampered form value is simply not an item.
            continue
    return ids
