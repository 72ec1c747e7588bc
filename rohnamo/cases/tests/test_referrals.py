"""A referral goes out only with consent, reaches only its organisation, and closes the loop."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rohnamo.cases.choices import CaseStatus, ReferralStatus
from rohnamo.cases.models import Referral
from rohnamo.cases.services.cases import change_status
from rohnamo.cases.services.referrals import answer_referral, record_outcome, refer_case
from rohnamo.cases.tests.factories import make_case, make_service
from rohnamo.core.choices import OfficeKind, Role
from rohnamo.core.tests.factories import make_office, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def huquq(centre):
    """A partner NGO's office; its staff answer referrals to its legal-aid service."""
    return make_office("huquq", kind=OfficeKind.PARTNER, parent=centre)


@pytest.fixture
def zarina(huquq):
    return make_user("zarina", Role.PARTNER_USER, huquq)


@pytest.fixture
def legal_aid(huquq):
    return make_service("Юридическая помощь в Екатеринбурге", office=huquq)


@pytest.fixture
def rival(centre):
    """Another partner organisation, which must see nothing of huquq's referrals."""
    office = make_office("rival", kind=OfficeKind.PARTNER, parent=centre)
    return make_user("rustam", Role.PARTNER_USER, office), make_service("Приют", office=office)


def referred(nigora, khujand, service, **fields):
    case = make_case(nigora, khujand, **fields)
    change_status(actor=nigora, case=case, status="assessed", reason="Поговорили")
    return refer_case(
        actor=nigora,
        case=case,
        service=service,
        consent_given=True,
        consent_note="Устно, 12 марта",
        message="Нужен юрист по зарплате",
    )


def test_without_the_clients_consent_nothing_is_sent(nigora, khujand, legal_aid):
    case = make_case(nigora, khujand)

    with pytest.raises(ValidationError) as refused:
        refer_case(actor=nigora, case=case, service=legal_aid, consent_given=False)

    assert "consent_given" in refused.value.message_dict
    assert not Referral.objects.exists()


def test_referring_moves_the_case_and_tells_the_person_who_asked(nigora, khujand, legal_aid):
    case = make_case(nigora, khujand)
    change_status(actor=nigora, case=case, status="assessed", reason="ok")

    refer_case(
        actor=nigora,
        case=case,
        service=legal_aid,
        consent_given=True,
        public_message="Ба ташкилоти ёрии ҳуқуқӣ дар Екатеринбург фиристода шуд",
    )

    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED
    assert case.public_message.startswith("Ба ташкилоти ёрии ҳуқуқӣ")


def test_the_partner_sees_only_referrals_to_its_organisation_and_no_narrative(
    client, nigora, khujand, legal_aid, zarina, rival
):
    ours = referred(nigora, khujand, legal_aid, narrative="Секретный рассказ клиента")
    theirs = referred(nigora, khujand, rival[1])
    client.force_login(zarina)

    inbox = client.get(reverse("cases:referrals"))
    detail = client.get(reverse("cases:referral", args=[ours.pk]))
    other = client.get(reverse("cases:referral", args=[theirs.pk]))
    case_page = client.get(reverse("cases:case", args=[ours.case.pk]))

    assert list(inbox.context["page"]) == [ours]
    assert "Нужен юрист по зарплате" in detail.content.decode()
    assert "Секретный рассказ" not in detail.content.decode()
    assert other.status_code == 404 and case_page.status_code == 404


def test_the_partner_accepts_then_records_that_legal_aid_was_provided(
    client, nigora, khujand, legal_aid, zarina
):
    referral = referred(nigora, khujand, legal_aid)
    client.force_login(zarina)

    client.post(reverse("cases:referral_answer", args=[referral.pk, "accept"]), {"note": ""})
    client.post(
        reverse("cases:referral_answer", args=[referral.pk, "provided"]),
        {"note": "Составили претензию работодателю"},
    )

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PROVIDED
    assert referral.answered_at is not None and referral.outcome_at is not None
    assert referral.case.entries.filter(text__isnull=False, kind="referral").count() == 3


def test_declining_needs_a_reason(nigora, khujand, legal_aid, zarina):
    referral = referred(nigora, khujand, legal_aid)

    with pytest.raises(ValidationError):
        answer_referral(actor=zarina, referral=referral, accept=False, note="")
    declined = answer_referral(actor=zarina, referral=referral, accept=False, note="Нет юриста")

    assert declined.status == ReferralStatus.DECLINED


def test_another_partner_cannot_answer(nigora, khujand, legal_aid, rival):
    referral = referred(nigora, khujand, legal_aid)

    with pytest.raises(ValidationError):
        answer_referral(actor=rival[0], referral=referral, accept=True)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_an_outcome_before_accepting_is_refused(nigora, khujand, legal_aid, zarina):
    referral = referred(nigora, khujand, legal_aid)

    with pytest.raises(ValidationError):
        record_outcome(actor=zarina, referral=referral, provided=True)
