"""Partner websites read the public directory through the API, in Rohnamo's shape and as HSDS 3.0
(validated against the specification), without a login and without being able to change it."""

import pytest

from rohnamo.directory.hsds.schemas import record_validator, schema_problems
from rohnamo.directory.models import Organization, Service
from rohnamo.directory.tests.factories import helping_in, make_organization, make_service
from rohnamo.directory.tests.hsds_spec import compiled_errors, needs_spec


@pytest.fixture
def services(db):
    wages = helping_in("Екатеринбург", name="Правовой центр «Защита»")
    kulob = helping_in(city="", country="TJ", district="khatlon-kulob", name="Барномаи Кӯлоб",
                       categories=("reintegration",))  # fmt: skip
    make_service(wages.organization, "Закрытая услуга", status="inactive")
    make_service(make_organization("Скрытая", is_public=False), "Скрытая услуга")
    return {"wages": wages, "kulob": kulob}


def test_the_public_reads_active_services_without_a_login(client, services):
    response = client.get("/api/v1/directory/services/")

    rows = response.json()["results"]
    assert sorted(row["organization"]["name"] for row in rows) == [
        "Барномаи Кӯлоб",
        "Правовой центр «Защита»",
    ]
    wages = next(row for row in rows if row["organization"]["name"] == "Правовой центр «Защита»")
    assert wages["categories"] == ["legal-aid"]
    assert sorted(wages["languages"]) == ["ru", "tg"]
    assert wages["phones"][0]["number"] == "+7 343 000 00 01"
    assert wages["locations"][0]["country"] == "RU"


def test_services_filter_by_category_country_and_district(client, services):
    def names(**params):
        rows = client.get("/api/v1/directory/services/", params).json()["results"]
        return [row["organization"]["name"] for row in rows]

    assert names(category="reintegration") == ["Барномаи Кӯлоб"]
    assert names(country="ru") == ["Правовой центр «Защита»"]
    assert names(district="khatlon-kulob") == ["Барномаи Кӯлоб"]


def test_organisations_list_only_public_ones_with_their_active_services(client, services):
    rows = client.get("/api/v1/directory/organizations/").json()["results"]

    assert sorted(row["name"] for row in rows) == ["Барномаи Кӯлоб", "Правовой центр «Защита»"]
    wages = next(row for row in rows if row["name"] == "Правовой центр «Защита»")
    assert [service["name"] for service in wages["services"]] == ["Юридическая помощь"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/directory/services/",
        "/api/v1/directory/organizations/",
        "/api/v1/hsds/services/",
        "/api/v1/hsds/organizations/",
    ],
)
def test_the_directory_api_is_read_only(client, nigora, services, url):
    client.force_login(nigora)

    assert client.post(url, {"name": "New"}, content_type="application/json").status_code == 405
    detail = (
        f"{url}{services['wages'].organization_id if 'organ' in url else services['wages'].pk}/"
    )
    assert client.delete(detail).status_code == 405
    assert client.patch(detail, {"name": "X"}, content_type="application/json").status_code == 405
    assert not Service.objects.filter(name__in=["New", "X"]).exists()
    assert not Organization.objects.filter(name__in=["New", "X"]).exists()


def test_hsds_organisations_come_as_a_page_of_the_specification(client, services):
    page = client.get("/api/v1/hsds/organizations/", {"per_page": 1}).json()

    assert (page["total_items"], page["total_pages"], page["size"]) == (2, 2, 1)
    assert (page["first_page"], page["last_page"], page["empty"]) == (True, False, False)
    assert set(page["contents"][0]) >= {"id", "name", "description"}
    assert "services" not in page["contents"][0]


def test_full_hsds_organisations_validate_against_the_schemas(client, services):
    page = client.get("/api/v1/hsds/organizations/", {"full": "true"}).json()

    for record in page["contents"]:
        problems = schema_problems(
            record_validator("organization"), record, base_path="$", kind="organization"
        )
        assert problems == []
    services_listed = [s["name"] for r in page["contents"] for s in r["services"]]
    assert "Закрытая услуга" not in services_listed


@needs_spec
def test_hsds_answers_validate_against_the_compiled_schemas(client, services):
    organization = services["wages"].organization_id
    pages = {
        "organization_list": client.get("/api/v1/hsds/organizations/").json()["contents"],
        "service_list": client.get("/api/v1/hsds/services/").json()["contents"],
        "organization_package": client.get("/api/v1/hsds/organizations/?full=1").json()["contents"],
    }
    for schema, records in pages.items():
        for record in records if schema != "organization_package" else [records]:
            assert compiled_errors(schema, record) == [], schema
    full_organization = client.get(f"/api/v1/hsds/organizations/{organization}/").json()
    full_service = client.get(f"/api/v1/hsds/services/{services['wages'].pk}/").json()
    assert compiled_errors("organization", full_organization) == []
    assert compiled_errors("service", full_service) == []
    assert full_service["organization"]["id"] == str(organization)


def test_hidden_and_closed_records_are_not_found_in_hsds_form(client, services):
    hidden = make_organization("Ещё скрытая", is_public=False)
    closed = make_service(services["wages"].organization, "Ещё закрытая", status="defunct")

    assert client.get(f"/api/v1/hsds/organizations/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v1/hsds/services/{closed.pk}/").status_code == 404
    names = [s["name"] for s in client.get("/api/v1/hsds/services/").json()["contents"]]
    assert sorted(names) == ["Юридическая помощь", "Юридическая помощь"]


def test_hsds_services_filter_by_organisation_and_term(client, services):
    kulob = services["kulob"]
    term = kulob.categories.get()

    by_org = client.get("/api/v1/hsds/services/", {"organization_id": kulob.organization_id})
    by_term = client.get("/api/v1/hsds/services/", {"taxonomy_term_id": str(term.pk)})
    nonsense = client.get("/api/v1/hsds/services/", {"taxonomy_term_id": "nonsense"})

    assert [s["id"] for s in by_org.json()["contents"]] == [str(kulob.pk)]
    assert [s["id"] for s in by_term.json()["contents"]] == [str(kulob.pk)]
    assert nonsense.json()["empty"] is True


def test_the_schema_describes_the_directory_endpoints(client, nigora):
    client.force_login(nigora)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    for path in ("/api/v1/directory/services/", "/api/v1/hsds/organizations/"):
        assert "get" in schema["paths"][path]
        assert "post" not in schema["paths"][path]
