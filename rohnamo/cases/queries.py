"""Who sees which case and referral. Every page, export and API endpoint reads through here.

A case is visible to the staff of its office and to managers above it (the core gatekeeper).
A restricted case (trafficking, violence, or marked by a worker) only to the assigned worker, the
managers of its office and administrators; ``case_for`` writes an audit entry for each view.
Partner organisations never see cases: they see the referrals sent to their organisation.
"""

from django.db.models import Case as DbCase
from django.db.models import Exists, IntegerField, OuterRef, Q, Value, When
from django.http import Http404
from django.utils import timezone

from rohnamo.cases.models import Case, CaseTask, Referral
from rohnamo.core import audit
from rohnamo.core.choices import Role
from rohnamo.core.queries import office_ids_visible_to, scope_to_offices
from rohnamo.core.roles import has_role, is_administrator, may


def cases_visible_to(user):
    if not may(user, "cases.view_case"):
        return Case.objects.none()
    cases = scope_to_offices(Case.objects.select_related("office", "assigned_to", "country"), user)
    if is_administrator(user):
        return cases
    opened = Q(is_restricted=False) | Q(assigned_to=user)
    if has_role(user, Role.MANAGER):
        opened |= Q(office__in=office_ids_visible_to(user))
    return cases.filter(opened)


def case_for(user, pk):
    """The case ``pk`` if ``user`` may open it (404 otherwise); a restricted one is audited."""
    case = cases_visible_to(user).filter(pk=pk).first()
    if case is None:
        raise Http404
    audit.record_view(actor=user, obj=case)
    return case


def organization_ids_of(user):
    """Directory organisations whose referrals ``user`` answers: those of their offices."""
    from rohnamo.directory.models import Organization

    return Organization.objects.filter(office__memberships__user=user).values("pk")


def referrals_visible_to(user):
    """Case staff see the referrals of the cases they see; partner users those sent to their
    organisation, and nothing of the case beyond what the referral carries."""
    if not may(user, "cases.view_referral"):
        return Referral.objects.none()
    referrals = Referral.objects.select_related("case", "service", "organization", "sent_by")
    if has_role(user, Role.PARTNER_USER) and not is_administrator(user):
        return referrals.filter(organization__in=organization_ids_of(user))
    return referrals.filter(case__in=cases_visible_to(user))


def referrals_to_answer(user):
    """Referrals sent to ``user``'s organisation: the partner's inbox."""
    if not may(user, "cases.change_referral"):
        return Referral.objects.none()
    return Referral.objects.select_related("case", "service", "organization").filter(
        organization__in=organization_ids_of(user)
    )


def by_urgency(cases, now):
    """Cases in the order a worker should take them: late first responses, then late tasks,
    then the nearest first-response date; tasks prefetched for the colour."""
    late_task = CaseTask.objects.filter(
        case=OuterRef("pk"), done_at__isnull=True, due_on__lt=timezone.localdate(now)
    )
    return (
        cases.annotate(
            urgency=DbCase(
                When(first_responded_at__isnull=True, first_response_due__lt=now, then=Value(0)),
                When(Exists(late_task), then=Value(1)),
                When(first_responded_at__isnull=True, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        .order_by("urgency", "first_response_due", "-id")
        .prefetch_related("tasks")
    )
