"""Records of one office stay in that office, its overseeing managers and administrators."""

import pytest
from django.urls import reverse

from rohnamo.core.choices import Role
from rohnamo.core.queries import offices_visible_to, scope_to_offices
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.core.tests.testapp.models import Dossier


@pytest.fixture
def dossiers(khujand, kulob):
    return {
        "khujand": Dossier.objects.create(office=khujand, title="Khujand wage claim"),
        "kulob": Dossier.objects.create(office=kulob, title="Kulob lost passport"),
    }


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_a_counsellor_sees_only_her_own_offices_records(nigora, dossiers):
    assert titles(scope_to_offices(Dossier.objects.all(), nigora)) == ["Khujand wage claim"]


def test_a_counsellor_of_another_branch_sees_nothing_of_khujand(umed, dossiers):
    assert titles(scope_to_offices(Dossier.objects.all(), umed)) == ["Kulob lost passport"]


def test_the_centre_manager_oversees_every_branch_below_it(bahrom, dossiers, kulob):
    village = make_office("kulob-mobile", parent=kulob)
    Dossier.objects.create(office=village, title="Mobile trip record")
    assert titles(scope_to_offices(Dossier.objects.all(), bahrom)) == [
        "Khujand wage claim",
        "Kulob lost passport",
        "Mobile trip record",
    ]


def test_a_branch_manager_does_not_see_a_sibling_branch(khujand, dossiers):
    branch_manager = make_user("khujand-manager", Role.MANAGER, khujand)
    assert titles(scope_to_offices(Dossier.objects.all(), branch_manager)) == ["Khujand wage claim"]


def test_an_administrator_sees_everything(farida, dossiers):
    assert len(scope_to_offices(Dossier.objects.all(), farida)) == 2


def test_someone_without_an_office_sees_nothing(db, dossiers):
    drifter = make_user("drifter", Role.COUNSELLOR)
    assert not scope_to_offices(Dossier.objects.all(), drifter).exists()
    assert not offices_visible_to(drifter).exists()


def test_a_deactivated_account_sees_nothing(nigora, dossiers):
    nigora.is_active = False
    assert not scope_to_offices(Dossier.objects.all(), nigora).exists()


class TestPages:
    def test_the_office_list_shows_only_her_office(self, client, nigora, kulob):
        client.force_login(nigora)
        page = client.get(reverse("staff:offices")).content.decode()
        assert "Филиали Хуҷанд" in page
        assert "Филиали Кӯлоб" not in page

    def test_another_offices_dashboard_is_not_found(self, client, nigora, kulob):
        client.force_login(nigora)
        response = client.get(reverse("staff:office", args=["kulob"]))
        assert response.status_code == 404
        assert "Филиали Кӯлоб" not in response.content.decode()

    def test_a_manager_cannot_edit_an_office_outside_her_tree(self, client, khujand, kulob):
        branch_manager = make_user("khujand-manager", Role.MANAGER, khujand)
        client.force_login(branch_manager)
        url = reverse("staff:office_edit", args=["kulob"])
        assert client.get(url).status_code == 404
        assert client.post(url, {"hotline": "+992 00 000 00 00"}).status_code == 404
        kulob.refresh_from_db()
        assert kulob.hotline == "+992 33 444 55 66"

    def test_a_counsellor_cannot_edit_even_her_own_office(self, client, nigora, khujand):
        client.force_login(nigora)
        assert client.get(reverse("staff:office_edit", args=["khujand"])).status_code == 404

    def test_a_manager_updates_a_branch_hotline_for_the_public_site(self, client, bahrom, kulob):
        client.force_login(bahrom)
        response = client.post(
            reverse("staff:office_edit", args=["kulob"]),
            {"hotline": "+992 33 999 00 11", "email": "kulob@example.org"},
        )
        assert response.status_code == 302
        assert "+992 33 999 00 11" in client.get("/tg/offices/").content.decode()

    def test_a_bad_email_is_refused_in_the_users_language_and_nothing_is_saved(
        self, client, bahrom, kulob
    ):
        client.force_login(bahrom)
        client.cookies["django_language"] = "ru"
        response = client.post(
            reverse("staff:office_edit", args=["kulob"]),
            {"hotline": "+992 33 999 00 11", "email": "not-an-address"},
        )
        assert response.status_code == 200
        assert "Введите правильный адрес электронной почты" in response.content.decode()
        kulob.refresh_from_db()
        assert kulob.hotline == "+992 33 444 55 66"


class TestApi:
    def test_the_office_list_holds_only_visible_offices(self, client, nigora, kulob):
        client.force_login(nigora)
        codes = [row["code"] for row in client.get("/api/v1/offices/").json()["results"]]
        assert codes == ["khujand"]

    def test_another_offices_record_is_not_found_not_forbidden(self, client, nigora, kulob):
        client.force_login(nigora)
        response = client.get(f"/api/v1/offices/{kulob.pk}/")
        assert response.status_code == 404
        assert "Кӯлоб" not in response.content.decode()

    def test_another_office_cannot_be_changed(self, client, umed, khujand):
        client.force_login(umed)
        response = client.patch(
            f"/api/v1/offices/{khujand.pk}/",
            {"hotline": "+992 00 000 00 00"},
            content_type="application/json",
        )
        assert response.status_code == 404
        khujand.refresh_from_db()
        assert khujand.hotline == "+992 34 111 22 33"

    def test_a_partner_system_authenticates_with_its_token(self, client, db):
        from rest_framework.authtoken.models import Token

        partner_office = make_office("ngo")
        make_office("other-ngo")
        partner = make_user("partner", Role.PARTNER_USER, partner_office)
        token = Token.objects.create(user=partner)
        response = client.get("/api/v1/offices/", HTTP_AUTHORIZATION=f"Token {token.key}")
        assert [row["code"] for row in response.json()["results"]] == ["ngo"]

    def test_anonymous_callers_get_nothing(self, client, khujand):
        response = client.get("/api/v1/offices/")
        assert response.status_code == 401
        assert "khujand" not in response.content.decode()

    def test_a_manager_patches_contacts_and_cannot_touch_other_fields(self, client, bahrom, kulob):
        client.force_login(bahrom)
        response = client.patch(
            f"/api/v1/offices/{kulob.pk}/",
            {"hotline": "+992 33 000 11 22", "code": "hijacked", "name_tg": "Номи нав"},
            content_type="application/json",
        )
        assert response.status_code == 200
        kulob.refresh_from_db()
        assert (kulob.hotline, kulob.code, kulob.name_tg) == (
            "+992 33 000 11 22",
            "kulob",
            "Филиали Кӯлоб",
        )
