"""A case moves through the workflow only by allowed steps, each with a reason on the timeline,
and its first response is measured against the target of its category and priority."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from rohnamo.cases.choices import CaseStatus, Priority, SlaState
from rohnamo.cases.models import ResponseTarget
from rohnamo.cases.services.cases import add_task, change_status
from rohnamo.cases.sla import sla_state
from rohnamo.cases.tests.factories import make_case
from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_each_step_needs_a_reason_and_is_written_on_the_timeline(nigora, khujand):
    case = make_case(nigora, khujand)

    change_status(actor=nigora, case=case, status=CaseStatus.ASSESSED, reason="Позвонила жене")
    change_status(
        actor=nigora, case=case, status=CaseStatus.IN_PROGRESS, reason="Пишем работодателю"
    )

    steps = [(e.from_status, e.to_status, e.text) for e in case.entries.filter(kind="status")]
    assert steps == [
        ("", "new", ""),
        ("new", "assessed", "Позвонила жене"),
        ("assessed", "in_progress", "Пишем работодателю"),
    ]


def test_a_step_the_workflow_does_not_allow_is_refused(nigora, khujand):
    case = make_case(nigora, khujand)

    with pytest.raises(ValidationError) as refused:
        change_status(actor=nigora, case=case, status=CaseStatus.RESOLVED, reason="Готово")

    assert "status" in refused.value.message_dict
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_a_change_without_a_reason_is_refused(nigora, khujand):
    case = make_case(nigora, khujand)

    with pytest.raises(ValidationError):
        change_status(actor=nigora, case=case, status=CaseStatus.ASSESSED, reason="  ")


def test_a_closed_case_can_be_reopened_and_resolved_again(nigora, khujand):
    case = make_case(nigora, khujand)
    for status in ["in_progress", "resolved", "closed", "reopened", "resolved"]:
        case = change_status(actor=nigora, case=case, status=status, reason=status)

    assert case.status == CaseStatus.RESOLVED and case.closed_at is None
    assert case.resolved_at is not None


def test_death_abroad_and_trafficking_get_the_shortest_first_response_target(nigora, khujand):
    death = make_case(nigora, khujand, category="death")
    wages = make_case(nigora, khujand, category="wages")

    assert death.priority == Priority.URGENT
    assert death.first_response_due - death.created_at < datetime.timedelta(days=1, minutes=1)
    assert wages.first_response_due - wages.created_at > datetime.timedelta(days=4)


def test_an_administrator_changes_a_target_and_new_cases_follow_it(nigora, khujand):
    ResponseTarget.objects.filter(category="wages", priority="normal").update(days=2)

    case = make_case(nigora, khujand, category="wages")

    assert round((case.first_response_due - case.created_at).total_seconds() / 86400) == 2


def test_cases_are_red_amber_or_green_by_their_first_response(nigora, khujand):
    case = make_case(nigora, khujand, category="wages")  # five days
    opened = case.created_at

    assert sla_state(case, opened + datetime.timedelta(days=1)) == SlaState.ON_TIME
    assert sla_state(case, opened + datetime.timedelta(days=4, hours=12)) == SlaState.DUE_SOON
    assert sla_state(case, opened + datetime.timedelta(days=6)) == SlaState.OVERDUE


def test_after_the_first_response_a_late_task_makes_the_case_red(nigora, khujand):
    case = make_case(nigora, khujand)
    case = change_status(actor=nigora, case=case, status="assessed", reason="ok")
    add_task(actor=nigora, case=case, title="Позвонить работодателю",
             due_on=timezone.localdate() + datetime.timedelta(days=5))  # fmt: skip

    assert sla_state(case) == SlaState.ON_TIME
    assert sla_state(case, timezone.now() + datetime.timedelta(days=4, hours=1)) in (
        SlaState.DUE_SOON,
        SlaState.OVERDUE,
    )
    assert sla_state(case, timezone.now() + datetime.timedelta(days=7)) == SlaState.OVERDUE


def test_an_administrator_sets_a_target_in_the_admin_and_it_is_audited(client, farida):
    target = ResponseTarget.objects.get(category="health", priority="normal")
    client.force_login(farida)

    client.post(
        reverse("admin:cases_responsetarget_change", args=[target.pk]),
        {"category": "health", "priority": "normal", "days": "2"},
    )

    target.refresh_from_db()
    assert target.days == 2
    assert AuditEntry.objects.filter(
        action=AuditAction.UPDATE, object_id=str(target.pk), actor=farida
    ).exists()
