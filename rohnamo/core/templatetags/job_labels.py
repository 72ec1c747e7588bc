from django import template

from rohnamo.core.jobs import kind_label

register = template.Library()


@register.filter
def job_label(kind):
    """The translated name of a kind of background work."""
    return kind_label(kind)
