"""The case report's figures against counts and medians worked out by hand, with two branches'
cases present: a counsellor counts only her branch, the national manager both.

Restricted cases are counted, never shown: a counsellor's report counts the restricted cases of
her office that she cannot open, so an office's figures are the same whoever reads them.
"""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import translation

from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Case, Referral
from rohnamo.cases.queries import cases_visible_to
from rohnamo.cases.reports.figures import count_period, median_days
from rohnamo.cases.reports.pages import case_report
from rohnamo.cases.services.referrals import answer_referral, record_outcome, refer_case
from rohnamo.cases.tests.factories import make_case, make_service
from rohnamo.core.choices import OfficeKind, Role
from rohnamo.core.models import Country
from rohnamo.core.queries import offices_visible_to
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.counselling.periods import parse_period

DUSHANBE = zoneinfo.ZoneInfo("Asia/Dushanbe")
DAY = datetime.timedelta(days=1)


def moment(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=DUSHANBE)


def opened(actor, office, at, *, category="wages", country="RU", **fields):
    """A case recorded by ``actor``, as if opened at ``at`` with three days to first response."""
    case = make_case(
        actor,
        office,
        category=category,
        country=Country.objects.get(code=country) if country else None,
        **fields,
    )
    Case.objects.filter(pk=case.pk).update(created_at=at, first_response_due=at + 3 * DAY)
    return case


def settle(case, *, status, responded=None, resolved=None, closed=None):
    """The case's status and the days from its opening to its response, resolution, closing."""
    created = Case.objects.get(pk=case.pk).created_at
    Case.objects.filter(pk=case.pk).update(
        status=status,
        first_responded_at=created + responded * DAY if responded is not None else None,
        resolved_at=created + resolved * DAY if resolved is not None else None,
        closed_at=created + closed * DAY if closed is not None else None,
    )


def refer(actor, case, service, sent_at):
    referral = refer_case(
        actor=actor, case=case, service=service, consent_given=True, message="Нужен юрист"
    )
    Referral.objects.filter(pk=referral.pk).update(sent_at=sent_at)
    return referral


def answered(referral, partner, *, after_days, accept=True, provided=None):
    answer_referral(actor=partner, referral=referral, accept=accept, note="" if accept else "Нет")
    if provided is not None:
        record_outcome(actor=partner, referral=referral, provided=provided, note="Нет мест")
    sent_at = Referral.objects.get(pk=referral.pk).sent_at
    Referral.objects.filter(pk=referral.pk).update(answered_at=sent_at + after_days * DAY)


@pytest.fixture
def huquq(centre):
    """A partner NGO answering referrals to its legal-aid service."""
    return make_office("huquq", kind=OfficeKind.PARTNER, parent=centre, name_en="Huquq")


@pytest.fixture
def partners(centre, huquq):
    """Two organisations: Huquq (legal aid, answered by zarina) and a shelter."""
    shelter_office = make_office("panoh", kind=OfficeKind.PARTNER, parent=centre)
    return {
        "zarina": make_user("zarina", Role.PARTNER_USER, huquq),
        "legal_aid": make_service("Юридическая помощь", office=huquq, organization_name="Ҳуқуқ"),
        "shelter": make_service("Приют", office=shelter_office, organization_name="Паноҳ"),
    }


@pytest.fixture
def first_quarter(nigora, umed, khujand, kulob, partners):
    """Five cases of Khujand and two of Kulob opened in the first quarter of 2026, one more of
    Khujand in December 2025; three referrals sent in the quarter."""
    zarina, legal_aid, shelter = partners["zarina"], partners["legal_aid"], partners["shelter"]
    k1 = opened(nigora, khujand, moment(2026, 1, 10))
    k2 = opened(nigora, khujand, moment(2026, 2, 5))
    k3 = opened(nigora, khujand, moment(2026, 3, 1), category="documents", country="KZ")
    # Restricted from the start; nobody assigned, so nigora cannot open it.
    k4 = opened(nigora, khujand, moment(2026, 3, 20), category="trafficking")
    december = opened(nigora, khujand, moment(2025, 12, 31))
    u1 = opened(umed, kulob, moment(2026, 2, 14), category="death", country=None)
    # 23:30 in Dushanbe on the quarter's last day: still the first quarter.
    u2 = opened(umed, kulob, datetime.datetime(2026, 3, 31, 23, 30, tzinfo=DUSHANBE))

    first = refer(nigora, k1, legal_aid, moment(2026, 1, 12))
    answered(first, zarina, after_days=2, provided=True)
    second = refer(nigora, k2, legal_aid, moment(2026, 2, 6))
    answered(second, zarina, after_days=1, accept=False)
    refer(umed, u1, shelter, moment(2026, 2, 15))
    refer(nigora, december, legal_aid, moment(2025, 12, 31))

    settle(k1, status=CaseStatus.CLOSED, responded=1, resolved=10, closed=12)
    settle(k2, status=CaseStatus.IN_PROGRESS, responded=4)  # late: three days allowed
    settle(k3, status=CaseStatus.NEW)
    settle(k4, status=CaseStatus.ASSESSED, responded=0.5)
    settle(december, status=CaseStatus.NEW)
    settle(u1, status=CaseStatus.RESOLVED, responded=3.5, resolved=6)  # late
    settle(u2, status=CaseStatus.IN_PROGRESS, responded=3)  # exactly on the due time: not late
    return {"k4": k4}


Q1 = parse_period("2026-Q1")


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def report_of(user, period=Q1, office=None):
    return case_report(user, period, office, list(offices_visible_to(user)))


def table(report, key):
    """``{label: [cells]}`` of one table, its total line under "TOTAL"."""
    found = next(item for item in report.tables if item.key == key)
    lines = {str(line[0]): line[1:] for line in found.lines}
    if found.footer:
        lines["TOTAL"] = found.footer[1:]
    return lines


@pytest.mark.usefixtures("first_quarter")
def test_the_national_manager_counts_both_branches_by_office_category_status_and_country(bahrom):
    report = report_of(bahrom)
    assert table(report, "offices") == {"Khujand": [4], "Kulob": [2], "TOTAL": [6]}
    categories = table(report, "categories")
    assert categories["Unpaid wages"] == [3]
    assert categories["Lost or expired passport and documents"] == [1]
    assert categories["Suspected trafficking"] == [1]
    assert categories["Death abroad and repatriation of remains"] == [1]
    assert categories["Health"] == [0]
    assert categories["TOTAL"] == [6]
    assert table(report, "statuses") == {
        "New": [1],
        "Assessed": [1],
        "In progress": [2],
        "Referred": [0],
        "Resolved": [1],
        "Closed": [1],
        "Reopened": [0],
        "TOTAL": [6],
    }
    assert list(table(report, "countries").items()) == [
        ("Russia", [4]),
        ("Kazakhstan", [1]),
        ("Not stated", [1]),
        ("TOTAL", [6]),
    ]
    assert report.totals["cases"] == 6
    assert report.totals["open"] == 4


@pytest.mark.usefixtures("first_quarter")
def test_the_months_table_counts_the_twelve_months_up_to_the_end_of_the_period(bahrom):
    months = table(report_of(bahrom), "months")
    assert list(months)[0] == "2025-04"
    assert (months["2025-12"], months["2026-01"], months["2026-02"], months["2026-03"]) == (
        [1],
        [1],
        [2],
        [3],
    )
    assert "<svg" in report_of(bahrom).chart


@pytest.mark.usefixtures("first_quarter")
def test_medians_and_late_answers_overall_and_per_category(bahrom):
    times = table(report_of(bahrom), "times")
    # cases, answered, median days to response, late, share late %, resolved, median to resolution
    # Responses after 1, 4, 0.5, 3.5 and 3 days: median 3; late: 4 and 3.5 days.
    assert times["TOTAL"] == [6, 5, Decimal("3.0"), 2, Decimal("40.0"), 2, Decimal("8.0")]
    # Wages: 1, 4 and 3 days; only the 4 days late; one resolved after 10 days.
    assert times["Unpaid wages"] == [3, 3, Decimal("3.0"), 1, Decimal("33.3"), 1, Decimal("10.0")]
    assert times["Death abroad and repatriation of remains"] == [
        1, 1, Decimal("3.5"), 1, Decimal("100.0"), 1, Decimal("6.0"),
    ]  # fmt: skip
    assert times["Lost or expired passport and documents"] == [1, 0, "—", 0, "—", 0, "—"]
    assert "Health" not in times


@pytest.mark.usefixtures("first_quarter")
def test_referrals_by_organisation_and_outcome_with_the_median_days_to_answer(bahrom):
    referrals = table(report_of(bahrom), "referrals")
    # referrals, no answer yet, accepted, declined, provided, not provided, median days to answer
    assert referrals == {
        "Ҳуқуқ": [2, 0, 0, 1, 1, 0, Decimal("1.5")],
        "Паноҳ": [1, 1, 0, 0, 0, 0, "—"],
        "TOTAL": [3, 1, 0, 1, 1, 0, Decimal("1.5")],
    }
    assert report_of(bahrom).totals["referrals"] == 3


@pytest.mark.usefixtures("first_quarter")
def test_a_kulob_counsellor_counts_only_kulobs_cases_and_referrals(umed):
    report = report_of(umed)
    assert "offices" not in [item.key for item in report.tables]
    assert table(report, "categories")["TOTAL"] == [2]
    # 3.5 and 3 days: 3.25, rounded half up.
    assert table(report, "times")["TOTAL"][:3] == [2, 2, Decimal("3.3")]
    assert table(report, "referrals") == {
        "Паноҳ": [1, 1, 0, 0, 0, 0, "—"],
        "TOTAL": [1, 1, 0, 0, 0, 0, "—"],
    }
    assert report.scope_label == "Kulob"


def test_a_counsellor_counts_the_restricted_cases_of_her_office_she_cannot_open(
    first_quarter, nigora, bahrom
):
    assert not cases_visible_to(nigora).filter(pk=first_quarter["k4"].pk).exists()
    categories = table(report_of(nigora), "categories")
    assert categories["Suspected trafficking"] == [1]
    assert categories["TOTAL"] == [4]
    # The manager, who may open it, counts Khujand the same.
    khujand = report_of(bahrom, office=first_quarter["k4"].office)
    assert table(khujand, "categories") == categories


@pytest.mark.usefixtures("first_quarter")
def test_one_office_of_the_managers_report(bahrom, kulob):
    report = report_of(bahrom, office=kulob)
    assert table(report, "categories")["TOTAL"] == [2]
    assert report.scope_label == "Kulob"


@pytest.mark.usefixtures("first_quarter")
def test_a_partner_user_counts_nothing(partners):
    assert count_period(partners["zarina"], Q1).total() == 0


def test_a_median_of_an_even_count_is_the_mean_of_the_middle_two_rounded_half_up():
    assert median_days([DAY, 2 * DAY]) == Decimal("1.5")
    assert median_days([DAY * 0.05]) == Decimal("0.1")
    assert median_days([DAY, 3 * DAY, 10 * DAY]) == Decimal("3.0")
    assert median_days([]) is None
