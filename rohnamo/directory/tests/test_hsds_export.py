"""An NGO exports the directory as HSDS 3.0, as JSON and as the CSV data package, and both
validate against the specification's schemas and read back into the same directory."""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.directory.hsds.export import export_organizations, with_related
from rohnamo.directory.hsds.importer import import_hsds
from rohnamo.directory.hsds.package import export_package
from rohnamo.directory.hsds.reading import read_bytes
from rohnamo.directory.hsds.report import ImportReport
from rohnamo.directory.hsds.schemas import (
    SCHEMA_DIR,
    record_validator,
    row_validator,
    schema_problems,
    table_fields,
)
from rohnamo.directory.hsds.tables import typed_row
from rohnamo.directory.models import Organization, Phone, Service
from rohnamo.directory.tests.factories import helping_in, make_organization, make_place
from rohnamo.directory.tests.hsds_spec import SPEC, compiled_errors, needs_spec


@pytest.fixture
def directory(khujand):
    """Three organisations: abroad, in a Tajik district, and one with nothing but a name."""
    abroad = helping_in("Екатеринбург", languages=("tg", "ru", "uz"))
    Phone.objects.create(
        organization=abroad.organization, number="+7 900 000 00 02", kind="text",
        description="WhatsApp", extension="12",
    )  # fmt: skip
    abroad.organization.office = khujand
    abroad.organization.website = "https://example.org/"
    abroad.organization.save()
    helping_in(city="", country="TJ", district="khatlon-kulob", name="Маркази Кӯлоб",
               categories=("reintegration", "vocational-training"))  # fmt: skip
    bare = make_organization("Ассоциация «Ватан»", kind="diaspora", description="")
    make_place(bare, country="KZ", city="Алматы", latitude=43.238949, longitude=76.889709)


def exported(language="en"):
    return export_organizations(with_related(Organization.objects.order_by("name")), language)


def test_the_json_export_validates_against_the_specification_schemas(directory):
    records = exported()

    for index, record in enumerate(records):
        problems = schema_problems(
            record_validator("organization"), record, base_path=f"$[{index}]", kind="organization"
        )
        assert problems == []
    assert len(records) == 3


@needs_spec
def test_the_json_export_is_an_organization_package_of_the_compiled_schema(directory):
    assert compiled_errors("organization_package", exported()) == []


def test_the_json_export_nests_services_places_phones_and_categories(directory):
    record = next(r for r in exported() if r["name"] == "Центр помощи, Екатеринбург")

    service = record["services"][0]
    assert service["status"] == "active"
    assert service["eligibility_description"] == "Трудовые мигранты и их семьи."
    assert service["fees_description"] == "Бесплатно"
    assert service["schedules"][0]["description"] == "Пн–Пт 10:00–18:00"
    assert sorted(language["code"] for language in service["languages"]) == ["ru", "tg", "uz"]
    assert service["attributes"][0]["taxonomy_term"]["code"] == "legal-aid"
    assert service["attributes"][0]["taxonomy_term"]["name"] == "Legal aid"
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["country"], address["city"]) == ("RU", "Екатеринбург")
    assert record["phones"][0]["extension"] == 12
    assert record["attributes"][0]["taxonomy_term"]["code"] == "ngo"


def test_a_place_in_tajikistan_is_exported_with_its_district_and_region(directory):
    record = next(r for r in exported("tg") if r["name"] == "Маркази Кӯлоб")

    address = record["locations"][0]["addresses"][0]
    assert (address["country"], address["city"]) == ("TJ", "шаҳри Кӯлоб")
    assert address["state_province"] == "Вилояти Хатлон"


def package_files(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_the_csv_package_lists_each_table_in_its_datapackage(directory):
    files = package_files(export_package(exported()))

    described = json.loads(files.pop("datapackage.json"))
    assert {resource["path"] for resource in described["resources"]} == set(files)
    assert set(files) >= {
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "phones.csv",
        "addresses.csv",
        "service_at_location.csv",
        "taxonomy_terms.csv",
    }
    for resource in described["resources"]:
        header = next(csv.reader(io.StringIO(files[resource["path"]])))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        assert header == [name for name, _spec in table_fields(resource["name"])]


def test_every_row_of_the_csv_package_validates_against_its_table_schema(directory):
    files = package_files(export_package(exported()))
    described = json.loads(files.pop("datapackage.json"))

    rows = 0
    for resource in described["resources"]:
        table = resource["name"]
        for raw in csv.DictReader(io.StringIO(files[resource["path"]])):
            values = typed_row(table, raw)
            assert schema_problems(row_validator(table), values, base_path="$", kind=table) == []
            rows += 1
    assert rows > 20


@needs_spec
def test_the_csv_package_validates_against_the_compiled_tabular_schema(directory):
    files = package_files(export_package(exported()))
    described = json.loads(files.pop("datapackage.json"))

    # The compiled schema holds each table's rows under the table's name.
    tabular = {
        resource["name"]: [
            typed_row(resource["name"], raw)
            for raw in csv.DictReader(io.StringIO(files[resource["path"]]))
        ]
        for resource in described["resources"]
    }
    assert compiled_errors("tabular", tabular) == []


@pytest.mark.parametrize("form", ["json", "csv"])
def test_an_export_imports_back_into_the_same_directory_without_changes(directory, form):
    records = exported()
    data = json.dumps(records).encode() if form == "json" else export_package(records)
    before = (Organization.objects.count(), Service.objects.count(), Phone.objects.count())

    report = import_hsds(data=data)

    assert report.errors == []
    assert {outcome for _kind, outcome in report.counts} == {"unchanged"}
    assert (Organization.objects.count(), Service.objects.count(), Phone.objects.count()) == before
    assert Organization.objects.get(name="Ассоциация «Ватан»").kind == "diaspora"


def test_the_staff_download_the_json_and_the_csv_package(client, directory, nigora):
    client.force_login(nigora)

    json_response = client.get(reverse("directory:export_json"))
    zip_response = client.get(reverse("directory:export_zip"))

    assert json_response["Content-Disposition"].startswith("attachment;")
    assert len(json.loads(json_response.content)) == 3
    report = ImportReport()
    read_bytes(zip_response.content, report)
    assert report.problems == []
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor=nigora).count() == 2


@needs_spec
def test_the_bundled_schemas_are_those_of_the_specification():
    for path in (SPEC / "schema").glob("*.json"):
        if path.name != "openapi.json":
            assert (SCHEMA_DIR / path.name).read_bytes() == path.read_bytes(), path.name
    assert {path.name for path in SCHEMA_DIR.glob("*.json")} == {
        path.name for path in Path(SPEC / "schema").glob("*.json") if path.name != "openapi.json"
    }
