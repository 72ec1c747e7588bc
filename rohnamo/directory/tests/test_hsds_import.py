"""The Migration Service imports another organisation's HSDS 3.0 directory: every example of the
specification imports, importing again updates rather than duplicates, and a file with any
invalid record saves nothing and says exactly which record is wrong and where."""

import io
import json
import shutil
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.directory.hsds.importer import import_hsds
from rohnamo.directory.models import (
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from rohnamo.directory.tests.hsds_spec import EXAMPLES, SPEC, needs_spec


@pytest.fixture(autouse=True)
def in_english():
    """Messages are asserted in English, whatever the default language translates them to."""
    with translation.override("en"):
        yield


EXAMPLE_ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
EXAMPLE_LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"

# What each example of the specification holds that Rohnamo keeps.
EXPECTED = {
    "base.json": {},
    "location.json": {"location": 1, "phone": 1},
    "organization_full.json": {"organization": 1, "service": 1, "location": 1, "phone": 1,
                               "taxonomyterm": 1},
    "organization_list.json": {"organization": 1},
    "service_at_location_full.json": {"organization": 1, "service": 1, "location": 1,
                                      "phone": 1, "taxonomyterm": 1},
    "service_at_location_list.json": {"organization": 1, "service": 1, "location": 1},
    "service_full.json": {"organization": 1, "service": 1, "location": 1, "phone": 1,
                          "taxonomyterm": 1},
    "service_list.json": {"organization": 1, "service": 1},
    "tabular.json": {"organization": 1, "service": 1, "location": 1, "phone": 1,
                     "taxonomyterm": 1},
    "taxonomy.json": {},
    "taxonomy_list.json": {},
    "taxonomy_term.json": {"taxonomyterm": 1},
    "taxonomy_term_list.json": {"taxonomyterm": 1},
    "csv": {"organization": 1, "service": 1, "location": 1, "phone": 1, "taxonomyterm": 1},
}  # fmt: skip


def created(report):
    return {kind: n for (kind, outcome), n in report.counts.items() if outcome == "created"}


def counts():
    """Records of each kind, leaving out Rohnamo's own categories."""
    models = (Organization, Service, Location, Phone, ServiceAtLocation)
    return [model.objects.count() for model in models] + [
        TaxonomyTerm.objects.exclude(taxonomy="rohnamo").count()
    ]


@needs_spec
def test_the_bundled_examples_are_those_of_the_specification():
    for path in (SPEC / "examples").rglob("*"):
        if path.is_file():
            copy = EXAMPLES / path.relative_to(SPEC / "examples")
            assert copy.read_bytes() == path.read_bytes(), path.name


def test_every_json_example_and_the_csv_package_of_the_specification_is_covered():
    names = {path.name for path in EXAMPLES.glob("*.json")} | {"csv"}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_of_the_specification_imports(db, name):
    report = import_hsds(path=EXAMPLES / name)

    assert report.errors == []
    assert report.saved
    assert created(report) == EXPECTED[name]


def test_the_full_organization_example_arrives_with_its_service_place_and_phone(db):
    import_hsds(path=EXAMPLES / "organization_full.json")

    organization = Organization.objects.get(pk=EXAMPLE_ORGANIZATION)
    assert (organization.name, organization.website) == (
        "Example Organization Inc.",
        "http://example.com",
    )
    assert not organization.is_public, "imported organisations wait for someone to publish them"
    service = organization.services.get()
    assert service.eligibility.startswith("This service is intended for all people aged 12")
    assert service.cost.startswith("Non-NHS patients are expected to pay")
    assert service.hours.startswith("The service is available from 10 am to 6pm weekdays")
    place = service.locations.get()
    assert (place.country.code, place.city, place.organization) == ("US", "MyCity", organization)
    phone = Phone.objects.get()
    assert (phone.number, phone.extension) == ("+44 1234 234567", "100")
    assert {phone.organization, phone.service, phone.location} == {organization, service, place}
    assert list(service.categories.values_list("taxonomy", "code")) == [("taxonomy", "code")]


def test_what_rohnamo_does_not_keep_is_listed_as_notes_not_errors(db):
    report = import_hsds(path=EXAMPLES / "csv")

    notes = {(note.record_type, note.message.split(";")[0]) for note in report.notes}
    assert ("language", "Rohnamo does not list the language Urdu") in notes
    # The example's location names an organisation the package does not have.
    assert any(note.record_type == "location" for note in report.notes)
    assert Location.objects.get().organization_id is not None


@pytest.mark.parametrize("name", ["organization_full.json", "tabular.json", "csv"])
def test_importing_the_same_file_again_updates_and_never_duplicates(db, name):
    import_hsds(path=EXAMPLES / name)
    before = counts()
    entries = AuditEntry.objects.count()

    again = import_hsds(path=EXAMPLES / name)

    assert counts() == before
    assert {outcome for _kind, outcome in again.counts} == {"unchanged"}
    assert AuditEntry.objects.count() == entries, "an unchanged record writes no audit entry"


def test_a_changed_file_updates_the_records_it_names(db, farida):
    document = json.loads((EXAMPLES / "organization_full.json").read_text())
    import_hsds(data=json.dumps(document).encode(), actor=farida)
    document["name"] = "Example Organization, renamed"
    document["services"][0]["status"] = "temporarily closed"
    document["services"][0]["languages"] = [{"id": "d2c3a7d6-1f34-4d8e-9a4a-5d1e6f0b7c21",
                                             "name": "Russian", "code": "ru"}]  # fmt: skip

    report = import_hsds(data=json.dumps(document).encode(), actor=farida)

    assert report.counts[("organization", "updated")] == 1
    assert report.counts[("service", "updated")] == 1
    assert Organization.objects.get().name == "Example Organization, renamed"
    service = Service.objects.get()
    assert service.status == "temporarily closed"
    assert [language.code for language in service.languages.all()] == ["ru"]
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=EXAMPLE_SERVICE).get()
    assert {"status", "languages"} <= set(entry.fields)
    assert entry.actor == farida


def test_a_list_leaving_out_a_part_of_a_record_leaves_that_part_as_it_was(db):
    import_hsds(path=EXAMPLES / "service_full.json")
    import_hsds(path=EXAMPLES / "service_list.json")  # one-to-one fields only: no places

    assert Service.objects.get().locations.count() == 1


def _organizations_with_problems():
    good = json.loads((EXAMPLES / "organization_list.json").read_text())["contents"][0]
    broken_service = json.loads((EXAMPLES / "organization_full.json").read_text())
    broken_service["id"] = "0f0e3bb4-2c55-4a8e-8d6f-3a9e6a1b2c3d"
    broken_service["services"][0]["status"] = "open"
    del broken_service["services"][0]["phones"][0]["number"]
    nameless = {"id": "not-a-uuid", "description": "No name"}
    return [good, broken_service, nameless]


def test_a_malformed_file_saves_nothing_and_reports_each_bad_record(db):
    data = json.dumps(_organizations_with_problems()).encode()

    report = import_hsds(data=data)

    assert not report.saved
    assert counts() == [0, 0, 0, 0, 0, 0]
    problems = {(p.record_type, p.record_id, p.path) for p in report.errors}
    assert problems == {
        ("service", EXAMPLE_SERVICE, "$[1].services[0].status"),
        ("phone", "1554f2e2-a373-45db-a3fa-9fc48a61c15e", "$[1].services[0].phones[0].number"),
        ("organization", "not-a-uuid", "$[2].id"),
        ("organization", "not-a-uuid", "$[2].name"),
    }
    status = next(p for p in report.errors if p.path.endswith(".status"))
    assert status.message == '"open" is not one of: active, inactive, defunct, temporarily closed.'


def test_the_error_report_is_a_spreadsheet_with_one_row_per_problem(db):
    report = import_hsds(data=json.dumps(_organizations_with_problems()).encode())

    lines = report.as_csv().decode("utf-8-sig").strip().splitlines()
    assert lines[0] == "severity,record_type,record_id,path,message"
    assert len(lines) == 1 + len(report.errors) + len(report.notes)
    assert "Nothing was imported: 4 errors in 3 records." in report.summary()


def test_rohnamo_rules_are_checked_before_anything_is_saved(db):
    document = json.loads((EXAMPLES / "organization_full.json").read_text())
    document["website"] = "not a web address"
    document["locations"][0]["addresses"][0]["country"] = "XX"
    document["services"][0]["name"] = "x" * 301

    report = import_hsds(data=json.dumps(document).encode())

    assert {p.path for p in report.errors} == {
        "$.website",
        "$.locations[0].addresses[0].country",
        "$.services[0].name",
    }
    assert counts() == [0, 0, 0, 0, 0, 0]


def test_a_service_of_an_unknown_organisation_is_refused(db):
    service = json.loads((EXAMPLES / "service_list.json").read_text())["contents"][0]
    del service["organization"]
    service["organization_id"] = "11111111-2222-4333-8444-555555555555"

    report = import_hsds(data=json.dumps(service).encode())

    assert [(p.record_type, p.path) for p in report.errors] == [("service", "$.organization_id")]
    assert not Service.objects.exists()


def test_a_file_that_is_not_json_gets_one_clear_error(db):
    report = import_hsds(data=b'{"id": "broken",')

    assert [p.path for p in report.errors] == ["$"]
    assert "not valid JSON" in report.errors[0].message


def _zip(folder, change=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.glob("*.csv"):
            text = path.read_text(encoding="utf-8")
            archive.writestr(f"package/{path.name}", change(path.name, text) if change else text)
    return buffer.getvalue()


def test_the_csv_package_imports_from_a_zip_too(db):
    report = import_hsds(data=_zip(EXAMPLES / "csv"))

    assert report.saved
    assert Service.objects.get().organization_id is not None


def test_a_bad_csv_row_is_named_by_its_table_row_and_column(db):
    def break_services(name, text):
        return text.replace(",active,", ",open,") if name == "services.csv" else text

    report = import_hsds(data=_zip(EXAMPLES / "csv", break_services))

    assert [(p.record_type, p.record_id, p.path) for p in report.errors] == [
        ("service", EXAMPLE_SERVICE, "$['services.csv'][0].status")
    ]
    assert counts() == [0, 0, 0, 0, 0, 0]


def test_a_tajik_address_finds_its_district(db):
    place = json.loads((EXAMPLES / "location.json").read_text())
    place["addresses"][0].update(country="TJ", city="шаҳри Кӯлоб", state_province="Хатлон")

    import_hsds(data=json.dumps(place).encode())

    location = Location.objects.get()
    assert (location.country.code, location.district.code) == ("TJ", "khatlon-kulob")


def test_the_command_imports_a_folder_and_refuses_a_bad_file(db, tmp_path, capsys):
    call_command("import_hsds", str(EXAMPLES / "csv"), "--publish")
    assert Organization.objects.get().is_public
    assert "Imported: 5 records created" in capsys.readouterr().out

    broken = tmp_path / "broken"
    shutil.copytree(EXAMPLES / "csv", broken)
    services = broken / "services.csv"
    services.write_text(services.read_text().replace(",active,", ",open,"))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_hsds", str(broken))
    assert Service.objects.get().status == "active"


def test_one_report_lists_every_problem_of_the_file_at_once(db):
    good, broken, _nameless = _organizations_with_problems()
    bad_website = dict(good, id="7d4c1f0e-9a2b-4c3d-8e5f-6a7b8c9d0e1f", website="nowhere")

    report = import_hsds(data=json.dumps([broken, good, bad_website]).encode())

    assert {p.path for p in report.errors} == {
        "$[0].services[0].status",
        "$[0].services[0].phones[0].number",
        "$[2].website",
    }
    assert counts() == [0, 0, 0, 0, 0, 0]


def test_rows_that_refer_to_an_invalid_row_are_not_reported_twice(db):
    def break_organization(name, text):
        if name == "organizations.csv":
            return text.replace(",email@example.com,", ",not-an-email,")
        return text

    report = import_hsds(data=_zip(EXAMPLES / "csv", break_organization))

    assert [(p.record_type, p.path) for p in report.errors] == [
        ("organization", "$['organizations.csv'][0].email")
    ]
