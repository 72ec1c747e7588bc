"""Farida the administrator registers partner systems, hands over each token once, watches their
calls and revokes them; nobody else finds these pages."""

import datetime
import hashlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_user
from rohnamo.departure.choices import Channel, LookupBy
from rohnamo.departure.models import Lookup, PartnerClient
from rohnamo.departure.partners.checks import partner_client_hash
from rohnamo.departure.partners.queries import partner_overview
from rohnamo.departure.partners.services import create_partner_client
from rohnamo.departure.tests.helpers import imported, person

PARTNERS = "/staff/departure/partners/"
NEW = "/staff/departure/partners/new/"
CHECK = "/api/v1/departure/list-check/"
TOKEN = re.compile(r'id="partner-token">(rhn_[A-Za-z0-9_-]+)<')


@pytest.fixture
def dilshod(centre):
    """A statistician: imports the lists, but does not hand out API access."""
    return make_user("dilshod", Role.STATISTICIAN, centre)


def login(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def registration(**changes):
    values = {
        "name": "Хадамоти сарҳадӣ — гузаргоҳи Фотеҳобод",
        "organisation": "Border service",
        "contact": "Қурбонов Ҷамшед, +992 37 221 00 00",
        "per_hour": "600",
        "per_day": "5000",
    }
    values.update(changes)
    return values


def log_call(partner, *, found=False, refused=False, channel=Channel.API):
    return Lookup.objects.create(
        channel=channel,
        by=LookupBy.PASSPORT,
        identity_hash="0" * 64,
        client_hash=partner_client_hash(partner.pk) if partner else "web",
        found=found,
        refused=refused,
    )


def test_an_administrator_registers_a_partner_and_sees_its_token_only_once(
    client, farida, tmp_path
):
    imported(tmp_path, [person()])
    login(client, farida)
    form = client.get(NEW).content.decode()
    assert 'name="per_hour"' in form and 'value="600"' in form and 'value="5000"' in form
    response = client.post(NEW, registration(sees_reason="on"))
    page = response.content.decode()
    assert "Copy the token now" in page
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    token = TOKEN.search(page).group(1)
    partner = PartnerClient.objects.get()
    assert partner.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert partner.token_prefix == token[:12] and partner.sees_reason and partner.usable
    assert partner.created_by == farida
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM departure_partnerclient")
        assert token not in repr(cursor.fetchall()), "the database holds only the hash"
    listing = client.get(PARTNERS).content.decode()
    assert token not in listing and partner.token_prefix in listing
    assert "Хадамоти сарҳадӣ — гузаргоҳи Фотеҳобод" in listing
    entry = AuditEntry.objects.get(
        action=AuditAction.CREATE, content_type__model="partnerclient", object_id=str(partner.pk)
    )
    assert token not in entry.object_label and partner.token_prefix not in entry.object_label
    answer = client.post(
        CHECK,
        {"birth_date": "1990-04-02", "passport_number": "401234567"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Partner {token}",
    )
    assert answer.json()["found"] is True, "the token shown works for the partner"


def test_limits_that_make_no_sense_are_refused_and_nothing_is_saved(client, farida):
    login(client, farida)
    page = client.post(NEW, registration(per_hour="100", per_day="50")).content.decode()
    assert "no fewer a day than an hour" in page
    assert "partner-token" not in page
    assert not PartnerClient.objects.exists()


def test_revoking_asks_first_then_closes_the_token_for_good(client, farida):
    partner, token = create_partner_client(actor=farida, name="Сомон Эйр", organisation="Somon")
    login(client, farida)
    revoke = f"{PARTNERS}{partner.pk}/revoke/"
    assert "Revoke the token" in client.get(revoke).content.decode()
    client.post(revoke)
    partner.refresh_from_db()
    assert partner.usable, "nothing happens without the confirmation"
    listing = client.post(revoke, {"confirm": "yes"}, follow=True).content.decode()
    assert "was revoked" in listing and "revoked on" in listing
    partner.refresh_from_db()
    assert not partner.usable and partner.revoked_by == farida
    assert AuditEntry.objects.filter(
        action=AuditAction.UPDATE, content_type__model="partnerclient", object_id=str(partner.pk)
    )
    again = client.post(revoke, {"confirm": "yes"}).content.decode()
    assert "already revoked" in again
    refused = client.post(
        CHECK,
        {"birth_date": "1990-04-02", "passport_number": "401234567"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Partner {token}",
    )
    assert refused.status_code == 401


def test_the_list_counts_this_months_calls_per_partner_in_tajik_order(client, farida):
    somon, _token = create_partner_client(actor=farida, name="Сомон Эйр", organisation="A")
    humo, _token = create_partner_client(actor=farida, name="Ҳумо", organisation="B")
    sharq, _token = create_partner_client(actor=farida, name="Шарқ", organisation="C")
    for _call in range(3):
        log_call(somon, found=True)
    log_call(somon, refused=True)
    log_call(humo)
    last_month = log_call(humo)
    Lookup.objects.filter(pk=last_month.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )
    log_call(None, channel=Channel.WEB)  # a public check counts for no partner
    rows = {each.name: each for each in partner_overview(farida)}
    assert list(rows) == ["Сомон Эйр", "Ҳумо", "Шарқ"], "ҳ comes between х and ч, before ш"
    assert (rows["Сомон Эйр"].calls_this_month, rows["Сомон Эйр"].refused_this_month) == (4, 1)
    assert rows["Ҳумо"].calls_this_month == 1
    assert rows["Шарқ"].calls_this_month == 0
    page = login(client, farida).get(PARTNERS).content.decode()
    assert '<td class="num">4</td><td class="num">1</td>' in page
    assert page.index("Сомон Эйр") < page.index("Ҳумо") < page.index("Шарқ")
    assert sharq.token_prefix in page


def test_the_partner_list_costs_the_same_queries_however_many_partners(client, farida):
    create_partner_client(actor=farida, name="Аввал", organisation="First")
    login(client, farida)
    with CaptureQueriesContext(connection) as one:
        assert client.get(PARTNERS).status_code == 200
    for number in range(5):
        partner, _token = create_partner_client(
            actor=farida, name=f"Шарик {number}", organisation="More"
        )
        log_call(partner, found=True)
    with CaptureQueriesContext(connection) as six:
        page = client.get(PARTNERS).content.decode()
    assert "Шарик 4" in page
    assert len(six.captured_queries) == len(one.captured_queries)


def test_the_overview_is_two_queries(farida, django_assert_num_queries):
    for number in range(4):
        partner, _token = create_partner_client(actor=farida, name=f"П{number}", organisation="O")
        log_call(partner)
    assert farida.has_perm("departure.view_partnerclient")  # permissions load once per request
    with django_assert_num_queries(2):
        assert len(partner_overview(farida)) == 4


def test_a_counsellor_and_a_statistician_find_no_partner_page(client, farida, nigora, dilshod):
    partner, _token = create_partner_client(actor=farida, name="Сомон Эйр", organisation="S")
    revoke = f"{PARTNERS}{partner.pk}/revoke/"
    for person_without_access in [nigora, dilshod]:
        login(client, person_without_access)
        for url in [PARTNERS, NEW, revoke]:
            assert client.get(url).status_code == 404, url
        assert client.post(NEW, registration()).status_code == 404
        assert client.post(revoke, {"confirm": "yes"}).status_code == 404
    assert PartnerClient.objects.count() == 1 and PartnerClient.objects.get().usable
    assert partner_overview(nigora) == []
    login(client, dilshod)
    assert "Partner systems" not in client.get("/staff/departure/lists/").content.decode()
    login(client, farida)
    assert "Partner systems" in client.get("/staff/departure/lists/").content.decode()
