"""The directory as HSDS 3.0 JSON: fully nested organisations, services, lists and pages.

Names of categories and languages are written in the active language. Records Rohnamo keeps as
fields rather than rows (an address, a service's languages, hours and kind of organisation) get
ids derived from their owner's, so that every export of the same data is the same.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language

from rohnamo.directory.choices import OrganizationKind
from rohnamo.directory.hsds import derived_id
from rohnamo.directory.hsds.plan import KIND_TAXONOMY
from rohnamo.directory.models import Location, Service, ServiceAtLocation
from rohnamo.lib.translated import localized

HSDS_VERSION = "3.0"

_LOCATIONS = Location.objects.select_related("country", "district__region").prefetch_related(
    "phones"
)


def services_with_related(services):
    """``services`` with everything a nested HSDS service reads, in a fixed number of queries."""
    return services.select_related("organization").prefetch_related(
        "phones",
        "languages",
        "categories",
        Prefetch(
            "serviceatlocation_set",
            queryset=ServiceAtLocation.objects.select_related(
                "location__country", "location__district__region"
            ).prefetch_related("location__phones"),
        ),
    )


def with_related(organizations, services=None):
    """``organizations`` with everything the export reads, in a fixed number of queries;
    ``services`` narrows the services listed (the public sees active ones only)."""
    services = services if services is not None else Service.objects.all()
    return organizations.prefetch_related(
        "phones",
        Prefetch("locations", queryset=_LOCATIONS),
        Prefetch("services", queryset=services_with_related(services.order_by("name", "id"))),
    )


def _compact(record):
    """HSDS leaves out what is unknown rather than writing empty text."""
    return {name: value for name, value in record.items() if value not in ("", None, [])}


def phone_record(phone):
    record = {
        "id": str(phone.pk),
        "organization_id": str(phone.organization_id or ""),
        "service_id": str(phone.service_id or ""),
        "location_id": str(phone.location_id or ""),
        "number": phone.number,
        "type": phone.kind,
        "description": phone.description,
    }
    if phone.extension.isdigit():
        record["extension"] = int(phone.extension)
    return _compact(record)


def _address_record(location):
    district = location.district
    region = district.region.name if district else ""
    # HSDS requires these even when Rohnamo does not know them (no postcodes in Tajikistan).
    return {
        "id": derived_id("address", location.pk),
        "location_id": str(location.pk),
        "address_1": location.address,
        "city": district.name if district else location.city,
        "state_province": region,
        "postal_code": "",
        "country": location.country.code,
        "address_type": "physical",
    } | _compact({"region": region})


def location_record(location):
    record = _compact(
        {
            "id": str(location.pk),
            "location_type": "physical" if location.country_id else "virtual",
            "organization_id": str(location.organization_id or ""),
            "name": location.name,
            "latitude": _number(location.latitude),
            "longitude": _number(location.longitude),
        }
    )
    record["addresses"] = [_address_record(location)] if location.country_id else []
    record["phones"] = [phone_record(phone) for phone in location.phones.all()]
    return record


def _number(value):
    return None if value is None else float(value)


def term_record(term, language):
    return {
        "id": str(term.pk),
        "code": term.code,
        "name": localized(term, "name", language),
        "description": term.description,
        "taxonomy": term.taxonomy,
        "language": language,
    }


def _attribute(owner_table, owner_id, term):
    return {
        "id": derived_id("attribute", owner_id, term["id"]),
        "link_id": str(owner_id),
        "link_entity": owner_table,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def _kind_term(kind, language):
    return {
        "id": derived_id("organization-kind", kind),
        "code": kind,
        "name": str(OrganizationKind(kind).label),
        "description": "",
        "taxonomy": KIND_TAXONOMY,
        "language": language,
    }


def service_basic(service):
    """A service's one-to-one fields (the HSDS ``service_list`` shape, without nesting)."""
    return _compact(
        {
            "id": str(service.pk),
            "organization_id": str(service.organization_id),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees_description": service.cost,
            "eligibility_description": service.eligibility,
            "last_modified": service.updated_at.isoformat().replace("+00:00", "Z"),
        }
    )


def service_record(service, language, *, organization=None):
    """A fully nested service; ``organization`` (a record) is nested in it when given."""
    record = service_basic(service)
    record["phones"] = [phone_record(phone) for phone in service.phones.all()]
    record["schedules"] = (
        [{"id": derived_id("hours", service.pk), "service_id": str(service.pk),
          "description": service.hours}]
        if service.hours
        else []
    )  # fmt: skip
    record["languages"] = [
        {
            "id": derived_id("language", service.pk, language_.code),
            "service_id": str(service.pk),
            "name": localized(language_, "name", language),
            "code": language_.code,
        }
        for language_ in service.languages.all()
    ]
    record["service_at_locations"] = [
        {
            "id": str(link.pk),
            "service_id": str(service.pk),
            "location_id": str(link.location_id),
            "location": location_record(link.location),
        }
        for link in service.serviceatlocation_set.all()
    ]
    record["attributes"] = [
        _attribute("service", service.pk, term_record(term, language))
        for term in service.categories.all()
    ]
    if organization is not None:
        record["organization"] = organization
    return record


def organization_basic(organization):
    """An organisation's one-to-one fields (the HSDS ``organization_list`` shape)."""
    return {
        "id": str(organization.pk),
        "name": organization.name,
        **_compact(
            {
                "alternate_name": organization.alternate_name,
                "email": organization.email,
                "website": organization.website,
            }
        ),
        "description": organization.description,
    }


def organization_record(organization, language=None, *, services=True):
    """A fully nested organisation, with its services when ``services`` is set."""
    language = language or get_language() or settings.LANGUAGE_CODE
    record = organization_basic(organization)
    record["phones"] = [phone_record(phone) for phone in organization.phones.all()]
    record["locations"] = [location_record(location) for location in organization.locations.all()]
    record["attributes"] = [
        _attribute("organization", organization.pk, _kind_term(organization.kind, language))
    ]
    if services:
        record["services"] = [
            service_record(service, language) for service in organization.services.all()
        ]
    return record


def export_organizations(organizations, language=None):
    """The HSDS JSON export: a list of fully nested organisations (``organization_package``)."""
    return [organization_record(organization, language) for organization in organizations]


def api_description(profile_url=""):
    """What an HSDS API answers at its root."""
    return _compact({"version": HSDS_VERSION, "profile": profile_url})


def page(items, *, number, size, total):
    """An HSDS API page of ``items`` (the ``Page`` of the specification's OpenAPI)."""
    pages = max(1, -(-total // size)) if size else 1
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(items),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": total == 0,
        "contents": items,
    }
