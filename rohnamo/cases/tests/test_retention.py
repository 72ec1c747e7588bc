"""Closed cases lose what identifies people after the retention period, and every figure of the
case report stays as it was."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from rohnamo.cases.attachments import add_attachment
from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Attachment, Case, CaseClient, CaseEntry, CaseTask, Referral
from rohnamo.cases.reports.pages import case_report
from rohnamo.cases.retention import anonymise_closed_cases
from rohnamo.cases.services.cases import add_note, add_task, change_status
from rohnamo.cases.services.referrals import answer_referral, refer_case
from rohnamo.cases.tests.factories import make_case, make_service
from rohnamo.core.choices import AuditAction, JobStatus, OfficeKind, Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import AuditEntry, Country, Job
from rohnamo.core.queries import offices_visible_to
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.counselling.periods import parse_period
from rohnamo.counselling.services.visitors import record_visitor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NARRATIVE = "Муҳаммад Раҳимов, Екатеринбург, ООО СтройМонтаж не платит три месяца."


@pytest.fixture(autouse=True)
def files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path / "cases"


@pytest.fixture
def partner(centre):
    office = make_office("huquq", kind=OfficeKind.PARTNER, parent=centre)
    return make_user("zarina", Role.PARTNER_USER, office), make_service(
        "Юридическая помощь", office=office, organization_name="Ҳуқуқ"
    )


def years_ago(years, days=0):
    return timezone.now() - datetime.timedelta(days=365 * years + days)


def worked_case(nigora, khujand, partner, *, category="wages", closed=True):
    """A case with everything that identifies someone: a client, contact, notes, a task, a
    document and an answered referral; closed unless ``closed`` is False."""
    zarina, service = partner
    visitor = record_visitor(actor=nigora, office=khujand, name="Муҳаммад", consent_given=True)
    case = make_case(
        nigora,
        khujand,
        category=category,
        narrative=NARRATIVE,
        contact_name="Мадина Раҳимова",
        contact_phone="+992 93 555 44 33",
        on_behalf_of="Муҳаммад Раҳимов",
        relationship="жена",
        employer="ООО СтройМонтаж",
        clients=[visitor],
    )
    add_note(actor=nigora, case=case, text="Мадина позвонила снова, номер +992 93 555 44 33")
    add_task(actor=nigora, case=case, title="Позвонить Мадине", due_on=timezone.localdate())
    add_attachment(
        actor=nigora, case=case, upload=SimpleUploadedFile("паспорт.pdf", PDF, "application/pdf")
    )
    change_status(actor=nigora, case=case, status=CaseStatus.ASSESSED, reason="Поговорили")
    referral = refer_case(
        actor=nigora,
        case=case,
        service=service,
        consent_given=True,
        consent_note="Мадина согласилась устно",
        message="Муҳаммад Раҳимов, ООО СтройМонтаж",
    )
    answer_referral(actor=zarina, referral=referral, accept=True, note="Примем Муҳаммада")
    if closed:
        change_status(actor=nigora, case=case, status=CaseStatus.RESOLVED, reason="Выплатили")
        change_status(actor=nigora, case=case, status=CaseStatus.CLOSED, reason="Всё")
    return Case.objects.get(pk=case.pk)


def backdate(case, *, created, closed=None):
    """Move the case's dates back, keeping the durations between them."""
    shift = timezone.now() - created
    Case.objects.filter(pk=case.pk).update(
        created_at=created,
        first_response_due=case.first_response_due - shift,
        first_responded_at=case.first_responded_at and case.first_responded_at - shift,
        resolved_at=case.resolved_at and case.resolved_at - shift,
        closed_at=closed if closed is not None else (case.closed_at and case.closed_at - shift),
    )
    Referral.objects.filter(case=case).update(sent_at=created, answered_at=created)


def raw(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_a_case_closed_over_five_years_ago_keeps_no_text_and_no_documents(
    nigora, khujand, partner, files, django_capture_on_commit_callbacks
):
    case = worked_case(nigora, khujand, partner)
    backdate(case, created=years_ago(6), closed=years_ago(5, days=10))
    assert any(files.iterdir())
    with django_capture_on_commit_callbacks(execute=True):
        assert anonymise_closed_cases() == 1
    # The database itself holds nothing of the text, not even as ciphertext.
    assert raw(
        "SELECT narrative, contact_name, contact_phone, on_behalf_of, employer, relationship, "
        "public_message, pin FROM cases_case WHERE id = %s",
        case.pk,
    ) == [("",) * 8]
    assert {
        text for (text,) in raw("SELECT text FROM cases_caseentry WHERE case_id = %s", case.pk)
    } == {""}
    assert raw(
        "SELECT message, answer_note, consent_note FROM cases_referral WHERE case_id = %s", case.pk
    ) == [("", "", "")]
    assert list(CaseTask.objects.filter(case=case).values_list("title", flat=True)) == [""]
    assert not Attachment.objects.filter(case=case).exists()
    assert not any(files.iterdir())
    assert not CaseClient.objects.filter(case=case).exists()
    case.refresh_from_db()
    assert case.anonymised_at is not None
    assert (case.category, case.office, case.status, case.country.code) == (
        "wages",
        khujand,
        CaseStatus.CLOSED,
        "RU",
    )
    assert case.resolved_at is not None and case.first_responded_at is not None
    assert Referral.objects.get(case=case).status == "accepted"
    assert CaseEntry.objects.filter(case=case).count() > 5
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk)
    ).latest("at")
    assert entry.action == AuditAction.UPDATE
    assert "narrative" in entry.fields and "attachments" in entry.fields
    assert entry.object_label == case.tracking_code


def test_recent_closed_cases_and_open_cases_are_left_alone(nigora, khujand, partner):
    recent = worked_case(nigora, khujand, partner)
    backdate(recent, created=years_ago(4), closed=years_ago(4, days=-300))
    still_open = worked_case(nigora, khujand, partner, closed=False)
    backdate(still_open, created=years_ago(8))
    reopened = worked_case(nigora, khujand, partner)
    change_status(actor=nigora, case=reopened, status=CaseStatus.REOPENED, reason="Снова")
    backdate(Case.objects.get(pk=reopened.pk), created=years_ago(7))
    assert anonymise_closed_cases() == 0
    for case in (recent, still_open, reopened):
        case.refresh_from_db()
        assert case.narrative == NARRATIVE
        assert case.anonymised_at is None
        assert Attachment.objects.filter(case=case).exists()


def test_the_period_comes_from_the_settings(settings, nigora, khujand, partner):
    settings.CASE_RETENTION_DAYS = 30
    case = worked_case(nigora, khujand, partner)
    backdate(case, created=years_ago(0, days=60), closed=years_ago(0, days=40))
    assert anonymise_closed_cases(older_than_days=60) == 0
    assert anonymise_closed_cases() == 1
    assert Case.objects.get(pk=case.pk).narrative == ""


def test_every_figure_of_the_report_stays_the_same(nigora, umed, kulob, khujand, bahrom, partner):
    cases = [
        worked_case(nigora, khujand, partner),
        worked_case(nigora, khujand, partner, category="trafficking"),
        worked_case(umed, kulob, partner, category="death"),
        worked_case(nigora, khujand, partner, closed=False),
    ]
    for index, case in enumerate(cases):
        backdate(
            case, created=years_ago(7, days=index), closed=years_ago(6) if case.closed_at else None
        )
    Case.objects.filter(pk=cases[2].pk).update(country=Country.objects.get(code="KZ"))
    period = parse_period(str(timezone.localdate(years_ago(7)).year))

    def figures():
        with translation.override("en"):
            report = case_report(bahrom, period, None, list(offices_visible_to(bahrom)))
            return [table.all_lines() for table in report.tables], report.totals

    before = figures()
    assert before[1]["cases"] == 4 and before[1]["referrals"] == 4
    assert anonymise_closed_cases(actor=bahrom) == 3
    assert figures() == before


def test_the_command_counts_on_a_dry_run_and_then_anonymises(nigora, khujand, partner, capsys):
    case = worked_case(nigora, khujand, partner)
    backdate(case, created=years_ago(3), closed=years_ago(2))
    call_command("anonymise_cases", "--days", "365", "--dry-run")
    assert "1 cases closed over 365 days ago would be anonymised." in capsys.readouterr().out
    assert Case.objects.get(pk=case.pk).anonymised_at is None
    call_command("anonymise_cases")
    assert "0 cases closed over 1825 days ago anonymised." in capsys.readouterr().out
    call_command("anonymise_cases", "--days", "365")
    assert "1 cases closed over 365 days ago anonymised." in capsys.readouterr().out
    assert Case.objects.get(pk=case.pk).anonymised_at is not None


def test_the_background_job_reports_its_progress(nigora, khujand, partner, farida):
    for _index in range(2):
        case = worked_case(nigora, khujand, partner)
        backdate(case, created=years_ago(7), closed=years_ago(6))
    job = Job.objects.create(kind="anonymise_cases", started_by=farida, params={})
    job = run_job(job.pk)
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (2, 2)
    assert "2 closed cases anonymised." in job.log
    assert (
        AuditEntry.objects.filter(
            actor=farida, content_type=ContentType.objects.get_for_model(Case)
        ).count()
        == 2
    )
