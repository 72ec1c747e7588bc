"""Managers keep the directory: organisations, their services, places and phones, the partner
office that answers referrals, and HSDS imports. Every staff member can read it; the pages of
others do not exist for people without the permission."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rohnamo.core.choices import AuditAction, JobStatus, OfficeKind, Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import AuditEntry, Country, District, Job, Language
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.directory.models import Location, Organization, Phone, Service, TaxonomyTerm
from rohnamo.directory.tests.factories import helping_in, make_organization, make_place


@pytest.fixture
def partner(centre):
    return make_office("ngo-huquq", kind=OfficeKind.PARTNER, parent=centre, name_tg="ТҶ Ҳуқуқ")


@pytest.fixture
def organization(db):
    return helping_in("Екатеринбург", name="Правовой центр").organization


def test_the_directory_is_in_the_staff_menu_of_everyone_who_may_read_it(client, nigora, db):
    client.force_login(nigora)

    html = client.get(reverse("staff:dashboard"), follow=True).content.decode()

    assert f'href="{reverse("directory:organizations")}"' in html


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("directory:organizations", []),
        ("directory:services", []),
        ("directory:organization", ["org"]),
        ("directory:export_json", []),
    ],
)
def test_reading_pages_do_not_exist_for_someone_without_a_role(
    client, organization, url_name, args
):
    client.force_login(make_user("visitor-only"))
    args = [organization.pk if arg == "org" else arg for arg in args]

    assert client.get(reverse(url_name, args=args)).status_code == 404


@pytest.mark.parametrize(
    "url_name, target",
    [
        ("directory:organization_new", None),
        ("directory:organization_edit", "org"),
        ("directory:service_new", "org"),
        ("directory:service_edit", "service"),
        ("directory:location_new", "org"),
        ("directory:location_edit", "place"),
        ("directory:phone_new", "org"),
        ("directory:phone_edit", "phone"),
        ("directory:import", None),
    ],
)
def test_editing_pages_do_not_exist_for_a_counsellor(
    client, nigora, organization, url_name, target
):
    service = organization.services.get()
    targets = {
        "org": organization.pk,
        "service": service.pk,
        "place": service.locations.get().pk,
        "phone": service.phones.get().pk,
    }
    client.force_login(nigora)

    url = reverse(url_name, args=[targets[target]] if target else [])
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Changed"}).status_code == 404
    assert Organization.objects.get().name == "Правовой центр"


def test_a_counsellor_cannot_remove_a_phone(client, nigora, organization):
    phone = Phone.objects.get()
    client.force_login(nigora)

    assert client.post(reverse("directory:phone_remove", args=[phone.pk])).status_code == 404
    assert Phone.objects.filter(pk=phone.pk).exists()


def test_a_manager_adds_an_organisation_linked_to_its_partner_office(client, bahrom, partner):
    client.force_login(bahrom)

    response = client.post(
        reverse("directory:organization_new"),
        {"name": "Правовой центр «Защита»", "kind": "ngo", "office": partner.pk,
         "email": "help@example.org", "website": "https://example.org/", "is_public": "on"},
    )  # fmt: skip

    organization = Organization.objects.get()
    assert response["Location"] == reverse("directory:organization", args=[organization.pk])
    assert organization.office == partner
    entry = AuditEntry.objects.get(action=AuditAction.CREATE, object_id=str(organization.pk))
    assert entry.actor == bahrom


def test_only_a_partner_office_can_answer_for_an_organisation(client, bahrom, organization, kulob):
    client.force_login(bahrom)

    response = client.post(
        reverse("directory:organization_edit", args=[organization.pk]),
        {"name": "Правовой центр", "kind": "ngo", "office": kulob.pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["office"]
    assert Organization.objects.get().office is None


def test_changing_an_organisation_audits_the_changed_fields(client, farida, organization, partner):
    client.force_login(farida)

    client.post(
        reverse("directory:organization_edit", args=[organization.pk]),
        {"name": "Правовой центр", "kind": "ngo", "office": partner.pk,
         "description": organization.description},
    )  # fmt: skip

    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, object_id=str(organization.pk))
    assert entry.fields == ["is_public", "office"]


def test_a_manager_adds_a_service_at_a_place_of_the_organisation(client, bahrom, organization):
    place = organization.locations.get()
    client.force_login(bahrom)

    response = client.post(
        reverse("directory:service_new", args=[organization.pk]),
        {
            "name": "Помощь с патентом",
            "status": "active",
            "categories": [TaxonomyTerm.objects.get(code="documents").pk],
            "languages": [Language.objects.get(code="tg").pk],
            "locations": [place.pk],
            "hours": "Сб 10:00–14:00",
        },
    )

    assert response.status_code == 302
    service = Service.objects.get(name="Помощь с патентом")
    assert [term.code for term in service.categories.all()] == ["documents"]
    assert list(service.locations.all()) == [place]
    entry = AuditEntry.objects.get(action=AuditAction.CREATE, object_id=str(service.pk))
    assert {"categories", "languages", "locations"} <= set(entry.fields)


def test_a_service_cannot_be_given_at_another_organisations_place(client, bahrom, organization):
    other = make_place(make_organization("Другая"), city="Москва")
    client.force_login(bahrom)

    response = client.post(
        reverse("directory:service_new", args=[organization.pk]),
        {"name": "Помощь", "status": "active", "locations": [other.pk]},
    )

    assert response.status_code == 200
    assert "locations" in response.context["form"].errors
    assert not Service.objects.filter(name="Помощь").exists()


def test_a_place_in_tajikistan_needs_its_district_and_one_abroad_its_city(
    client, bahrom, organization
):
    client.force_login(bahrom)
    url = reverse("directory:location_new", args=[organization.pk])
    tajikistan = Country.objects.get(code="TJ")

    missing_district = client.post(url, {"country": tajikistan.pk})
    missing_city = client.post(url, {"country": Country.objects.get(code="KZ").pk})
    client.post(
        url,
        {"country": tajikistan.pk, "district": District.objects.get(code="khatlon-kulob").pk},
    )

    assert "district" in missing_district.context["form"].errors
    assert "city" in missing_city.context["form"].errors
    assert organization.locations.filter(district__code="khatlon-kulob").count() == 1


def test_a_manager_adds_changes_and_removes_a_messenger_of_a_service(client, bahrom, organization):
    service = organization.services.get()
    client.force_login(bahrom)

    client.post(
        reverse("directory:phone_new", args=[organization.pk]),
        {"owner": f"service:{service.pk}", "number": "+7 900 000 00 02", "kind": "text",
         "description": "WhatsApp"},
    )  # fmt: skip
    phone = service.phones.get(number="+7 900 000 00 02")
    client.post(
        reverse("directory:phone_edit", args=[phone.pk]),
        {"owner": f"organization:{organization.pk}", "number": "+7 900 000 00 03", "kind": "text"},
    )
    phone.refresh_from_db()
    assert (phone.number, phone.organization, phone.service) == (
        "+7 900 000 00 03",
        organization,
        None,
    )

    client.post(reverse("directory:phone_remove", args=[phone.pk]))

    assert not Phone.objects.filter(pk=phone.pk).exists()
    actions = AuditEntry.objects.filter(object_id=str(phone.pk)).values_list("action", flat=True)
    assert sorted(actions) == ["create", "delete", "update"]


def test_staff_search_finds_tajik_names_however_they_are_typed(client, nigora, db):
    make_organization("Ҳуқуқ ва муҳоҷират")
    make_organization("Оилаи муҳоҷир")
    client.force_login(nigora)

    found = client.get(reverse("directory:organizations"), {"q": "хукук"})

    assert [org.name for org in found.context["page"]] == ["Ҳуқуқ ва муҳоҷират"]


@pytest.mark.parametrize("count", [1, 3])
def test_the_staff_lists_need_the_same_few_queries_however_long(
    client, nigora, partner, count, django_assert_max_num_queries
):
    for index in range(count):
        service = helping_in(f"Город {index}", name=f"Организация {index}")
        service.organization.office = partner
        service.organization.save()
    client.force_login(nigora)

    with django_assert_max_num_queries(12):
        organizations = client.get(reverse("directory:organizations"))
    with django_assert_max_num_queries(12):
        services = client.get(reverse("directory:services"))
    assert len(organizations.context["page"]) == len(services.context["page"]) == count


def test_an_uploaded_hsds_file_is_imported_in_the_background(client, bahrom, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.cookies["django_language"] = "en"
    record = {"id": "5b4c8b8e-7d1e-4f7a-9d55-2f1c9e0a6b11", "name": "Imported NGO",
              "description": "From another directory."}  # fmt: skip
    client.force_login(bahrom)

    response = client.post(
        reverse("directory:import"),
        {"file": SimpleUploadedFile("ngo.json", json.dumps(record).encode()), "publish": "on"},
    )

    job = Job.objects.get()
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert Organization.objects.get().is_public
    assert "1 records created" in job.log
    assert list(tmp_path.joinpath("hsds-imports").iterdir()) == [], "the upload is not kept"


def test_an_invalid_upload_fails_the_job_with_a_downloadable_report(
    client, bahrom, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.cookies["django_language"] = "en"
    client.force_login(bahrom)
    client.post(
        reverse("directory:import"),
        {"file": SimpleUploadedFile("bad.json", b'[{"id": "x", "description": ""}]')},
    )
    job = Job.objects.get()

    run_job(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "Nothing was imported" in job.log
    report = client.get(reverse("staff:job_result", args=[job.pk])).getvalue().decode("utf-8-sig")
    assert "organization,x,$[0].name," in report
    assert not Organization.objects.exists()


def test_a_statistician_reads_the_directory_but_cannot_import(client, db):
    statistician = make_user("stat", Role.STATISTICIAN)
    client.force_login(statistician)

    assert client.get(reverse("directory:organizations")).status_code == 200
    assert client.get(reverse("directory:import")).status_code == 404
    assert Location.objects.count() == 0


def test_a_manager_opens_every_page_of_an_organisation(client, bahrom, organization):
    service = organization.services.get()
    Phone.objects.create(location=service.locations.get(), number="+7 343 000 00 09")
    client.force_login(bahrom)
    pages = [
        reverse("directory:organization", args=[organization.pk]),
        reverse("directory:organization_edit", args=[organization.pk]),
        reverse("directory:service_new", args=[organization.pk]),
        reverse("directory:service_edit", args=[service.pk]),
        reverse("directory:location_new", args=[organization.pk]),
        reverse("directory:location_edit", args=[service.locations.get().pk]),
        reverse("directory:phone_new", args=[organization.pk]),
        reverse("directory:phone_edit", args=[service.phones.get().pk]),
        reverse("directory:import"),
    ]

    for page in pages:
        assert client.get(page).status_code == 200, page
    detail = client.get(pages[0]).content.decode()
    assert "+7 343 000 00 09" in detail and "Екатеринбург, " in detail
