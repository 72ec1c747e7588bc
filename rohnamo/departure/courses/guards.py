"""The checks every course write starts with, shared by scheduling, enrolment and issuing so
that each refuses the same way and locks and credits the same way: who may act, on which
centre's course, with the course row locked and the person recorded as its author.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rohnamo.core.queries import office_ids_visible_to
from rohnamo.core.roles import may
from rohnamo.departure.courses.queries import courses_visible_to
from rohnamo.departure.models import Course


def refuse(message, field_name=None):
    raise ValidationError({field_name: message} if field_name else message)


def check_permission(actor, permission):
    if actor is None or not may(actor, permission):
        refuse(_("You are not allowed to do this."))


def check_office(actor, office):
    ids = office_ids_visible_to(actor)
    if ids is not None and office.pk not in ids:
        refuse(_("You can only schedule courses of a centre you work in."), "office")


def check_course(actor, course, permission):
    check_permission(actor, permission)
    if not courses_visible_to(actor).filter(pk=course.pk).exists():
        refuse(_("You can only run courses of your own centre."))


def locked(course):
    return Course.objects.select_for_update().get(pk=course.pk)


def user(actor):
    return actor if actor is not None and actor.is_authenticated else None
