"""Which office a person may write counselling records into."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rohnamo.core.roles import is_administrator


def check_can_write(actor, office):
    """Staff and partner tokens record work only for offices they belong to."""
    if is_administrator(actor):
        return
    if office is None or not actor.memberships.filter(office=office).exists():
        raise ValidationError(
            {"office": _("You can only record the work of an office you belong to.")}
        )
