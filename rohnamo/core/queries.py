"""Permission-sensitive reads of core records: the gatekeeper every module's queries use.

A record owned by an office is visible to the staff of that office, to managers of the offices that
oversee it (directly or through a chain of ``parent`` links) and to administrators; to no one else.
"""

from rohnamo.core.choices import Role
from rohnamo.core.models import AuditEntry, Job, Office, User
from rohnamo.core.roles import has_role, is_administrator
from rohnamo.lib.collation import sort_key, sorted_by


def office_ids_visible_to(user):
    """Ids of the offices whose records ``user`` may see (None means every office)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if is_administrator(user):
        return None
    if not hasattr(user, "_visible_office_ids"):
        own = set(user.memberships.values_list("office_id", flat=True))
        visible = set(own)
        if has_role(user, Role.MANAGER):
            frontier = own
            while frontier:
                frontier = (
                    set(Office.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
                    - visible
                )
                visible |= frontier
        user._visible_office_ids = visible
    return user._visible_office_ids


def scope_to_offices(queryset, user, field="office"):
    """``queryset`` narrowed to rows whose ``field`` is an office ``user`` may see."""
    ids = office_ids_visible_to(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def offices_visible_to(user):
    return scope_to_offices(Office.objects.select_related("district", "parent"), user, field="id")


def offices_editable_by(user):
    """Offices whose contact details ``user`` may change: a manager's own and overseen ones."""
    if is_administrator(user) or has_role(user, Role.MANAGER):
        return offices_visible_to(user)
    return Office.objects.none()


def offices_of(user):
    """The offices ``user`` works in, in alphabetical order of their names."""
    return sorted_by(user.offices.filter(is_active=True), "name")


def team_of(office):
    """Active staff of ``office`` with their role labels, alphabetically; three queries in all."""
    labels = dict(Role.choices)
    members = User.objects.filter(memberships__office=office, is_active=True).prefetch_related(
        "groups"
    )
    return [
        (member, [labels[group.name] for group in member.groups.all() if group.name in labels])
        for member in sorted(members, key=lambda member: sort_key(str(member)))
    ]


def public_offices():
    """Offices shown to the public, the centre first, then alphabetically."""
    offices = Office.objects.filter(is_public=True, is_active=True).select_related("district")
    return sorted(sorted_by(offices, "name"), key=lambda office: office.kind != "centre")


def audit_entries_visible_to(user):
    if not is_administrator(user):
        return AuditEntry.objects.none()
    return AuditEntry.objects.select_related("actor", "content_type", "office")


def jobs_visible_to(user):
    """A person sees the jobs they started; administrators see all."""
    jobs = Job.objects.select_related("started_by", "office")
    if is_administrator(user):
        return jobs
    if not user.is_authenticated:
        return jobs.none()
    return jobs.filter(started_by=user)
