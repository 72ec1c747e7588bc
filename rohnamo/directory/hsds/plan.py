"""From HSDS rows to the Rohnamo records an import will write, checked before anything is saved.

A record keeps its HSDS id as its primary key, so importing the same file again finds and updates
the same rows. A list a record leaves out (a service without ``languages``) leaves that part of
the record as it is; an empty list empties it.
"""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rohnamo.directory.choices import OrganizationKind, PhoneType, ServiceStatus
from rohnamo.directory.hsds.places import Places
from rohnamo.directory.hsds.schemas import tables as hsds_tables
from rohnamo.directory.models import Location, Organization, Phone, Service, TaxonomyTerm

# Rohnamo's own categories; an import links services to them but never changes them.
ROHNAMO_TAXONOMY = "rohnamo"
# The kind of an organisation travels as an attribute with a term of this taxonomy.
KIND_TAXONOMY = "rohnamo-organization-kind"
IMPORTED_TAXONOMY = "imported"

# Where each model field comes from in an HSDS record, to point problems at the file.
HSDS_NAMES = {
    Organization: {"website": "website"},
    Service: {"eligibility": "eligibility_description", "cost": "fees_description"},
    Location: {"city": "addresses[0].city", "address": "addresses[0].address_1"},
    Phone: {"kind": "type"},
    TaxonomyTerm: {"name_tg": "name", "name_ru": "name", "name_en": "name"},
}

# Free text Rohnamo shortens to fit, with a note, rather than refuse the file for.
SHORTENED = {Service: {"hours", "cost"}, Location: {"address"}, Phone: {"description"}}

_PHONE_TYPES = {"sms": PhoneType.TEXT, "mobile": PhoneType.CELL, "whatsapp": PhoneType.TEXT}


@dataclass
class Entry:
    """One record to write: its id, where the file has it, and the values it brings."""

    model: type
    id: uuid.UUID
    path: str
    fields: dict
    links: dict = field(default_factory=dict)  # many-to-many parts the file gives


@dataclass
class Plan:
    terms: dict = field(default_factory=dict)
    organizations: dict = field(default_factory=dict)
    locations: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    phones: dict = field(default_factory=dict)

    def entries(self):
        for group in (self.terms, self.organizations, self.locations, self.services, self.phones):
            yield from group.values()

    def __len__(self):
        return sum(1 for _entry in self.entries())


def _existing(model, ids):
    try:
        ids = [uuid.UUID(str(value)) for value in ids if value]
    except ValueError:
        return set()
    return {str(pk) for pk in model.objects.filter(pk__in=ids).values_list("pk", flat=True)}


class Planner:
    """Turns the rows of one file into a ``Plan``, reporting what cannot be imported."""

    def __init__(self, tables, report):
        self.tables = tables
        self.report = report
        self.places = Places()
        self.plan = Plan()
        self.term_ids = {}  # a term id of the file -> the id it is stored under
        self.kind_terms = {}  # a term id of the file -> an organisation kind
        self._by_parent = {}

    def children(self, table, link, parent_id):
        """Rows of ``table`` whose ``link`` field is ``parent_id``."""
        key = (table, link)
        if key not in self._by_parent:
            index = {}
            for row in self.tables.of(table):
                index.setdefault(str(row.values.get(link, "")), []).append(row)
            self._by_parent[key] = index
        return self._by_parent[key].get(str(parent_id), [])

    def build(self):
        self._terms()
        self._organizations()
        self._locations()
        self._services()
        self._phones()
        for entry in self.plan.entries():
            self._check_fields(entry)
        return self.plan

    # Taxonomy terms

    def _terms(self):
        rows = self.tables.of("taxonomy_term")
        stored = {
            str(term.pk): term
            for term in TaxonomyTerm.objects.filter(pk__in=[uuid.UUID(row.id) for row in rows])
        }
        seen = {}
        for row in rows:
            values = row.values
            taxonomy = self._taxonomy_name(values)
            code = str(values.get("code") or row.id)[:100]
            if taxonomy == KIND_TAXONOMY:
                if code in OrganizationKind.values:
                    self.kind_terms[row.id] = code
                continue
            if (taxonomy, code) in seen:  # the same term twice in one file, under two ids
                self.term_ids[row.id] = seen[(taxonomy, code)]
                continue
            term = stored.get(row.id)
            if term is None:
                term = TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=code).first()
            seen[(taxonomy, code)] = str(term.pk) if term is not None else row.id
            if term is not None and (term.taxonomy == ROHNAMO_TAXONOMY or str(term.pk) != row.id):
                self.term_ids[row.id] = str(term.pk)  # linked to, never changed
                continue
            self.term_ids[row.id] = row.id
            language = self.places.language(values.get("language", ""))
            column = language.code if language and language.code in ("tg", "ru", "en") else "en"
            fields = {"taxonomy": taxonomy, "code": code, f"name_{column}": values.get("name", "")}
            if term is None or not term.name_tg:
                fields.setdefault("name_tg", values.get("name", ""))
            fields["description"] = values.get("description", "")
            self.plan.terms[row.id] = Entry(TaxonomyTerm, uuid.UUID(row.id), row.path, fields)

    def _taxonomy_name(self, values):
        if values.get("taxonomy"):
            return str(values["taxonomy"])[:100]
        taxonomy = self.tables.get("taxonomy", values.get("taxonomy_id", ""))
        if taxonomy is not None and taxonomy.values.get("name"):
            return str(taxonomy.values["name"])[:100]
        return IMPORTED_TAXONOMY

    def _attribute_terms(self, table, record_id):
        """Ids of the terms the attributes of a record link it to, as the file names them."""
        others = set(hsds_tables()) - {table}
        return [
            str(row.values.get("taxonomy_term_id", ""))
            for row in self.children("attribute", "link_id", record_id)
            if str(row.values.get("link_entity", "")).lower().rstrip("s") not in others
        ]

    # Organisations and their places

    def _organizations(self):
        for row in self.tables.of("organization"):
            values = row.values
            fields = {
                name: values.get(name, "")
                for name in ("name", "alternate_name", "description", "email", "website")
            }
            for term in self._attribute_terms("organization", row.id):
                if term in self.kind_terms:
                    fields["kind"] = self.kind_terms[term]
            self.plan.organizations[row.id] = Entry(
                Organization, uuid.UUID(row.id), row.path, fields
            )

    def _known(self, model, group, record_id):
        """Whether ``record_id`` is in the file (``group``) or in the directory. A record the
        file has but that failed its schema counts as known: its own problem is reported."""
        record_id = str(record_id or "")
        return bool(record_id) and (
            record_id in group
            or record_id in self.tables.rejected
            or bool(_existing(model, [record_id]))
        )

    def _organization_known(self, organization_id):
        return self._known(Organization, self.plan.organizations, organization_id)

    def _locations(self):
        for row in self.tables.of("location"):
            values = row.values
            fields = {
                "name": values.get("name") or values.get("alternate_name") or "",
                "latitude": _decimal(values.get("latitude")),
                "longitude": _decimal(values.get("longitude")),
            }
            organization_id = values.get("organization_id")
            if organization_id and not self._organization_known(organization_id):
                self.report.note(
                    "location",
                    row.id,
                    f"{row.path}.organization_id",
                    _("The organisation %(id)s is neither in the file nor in the directory; "
                      "the location is kept without it.") % {"id": organization_id},
                )  # fmt: skip
                organization_id = None
            if organization_id:
                fields["organization_id"] = uuid.UUID(str(organization_id))
            if self.tables.gives(row, "addresses"):
                fields.update(self._address(row))
            self.plan.locations[row.id] = Entry(Location, uuid.UUID(row.id), row.path, fields)

    def _address(self, row):
        addresses = self.children("address", "location_id", row.id)
        if not addresses:
            return {"country_id": None, "district_id": None, "city": "", "address": ""}
        # A physical address says where people go; a postal one only where letters go.
        address = min(addresses, key=lambda item: item.values.get("address_type") != "physical")
        values = address.values
        country = self.places.country(values.get("country"))
        if country is None:
            self.report.error(
                "address",
                address.id,
                f"{address.path}.country",
                _("%(value)s is not an ISO 3166-1 two-letter country code.")
                % {"value": values.get("country", "")},
            )
        district = None
        if country is not None and country.code == "TJ":
            district = self.places.district(
                values.get("city"), values.get("address_2"), values.get("state_province")
            )
        lines = [values.get("address_1", ""), values.get("address_2", "")]
        return {
            "country_id": country.pk if country else None,
            "district_id": district.pk if district else None,
            "city": values.get("city", "") if district is None else "",
            "address": ", ".join(str(line) for line in lines if line),
        }

    # Services

    def _services(self):
        for row in self.tables.of("service"):
            values = row.values
            organization_id = values.get("organization_id")
            if not self._organization_known(organization_id):
                self.report.error(
                    "service",
                    row.id,
                    f"{row.path}.organization_id",
                    _("The organisation %(id)s is neither in the file nor in the directory.")
                    % {"id": organization_id}
                    if organization_id
                    else _("A service needs the organisation that provides it."),
                )
                continue
            fields = {
                "organization_id": uuid.UUID(str(organization_id)),
                "name": values.get("name", ""),
                "description": values.get("description", ""),
                "status": values.get("status", ServiceStatus.ACTIVE),
                "email": values.get("email", ""),
                "url": values.get("url", ""),
                "eligibility": values.get("eligibility_description", ""),
            }
            cost = self._cost(row)
            if cost is not None:
                fields["cost"] = cost
            if self.tables.gives(row, "schedules"):
                fields["hours"] = "; ".join(
                    _schedule_text(schedule.values)
                    for schedule in self.children("schedule", "service_id", row.id)
                )
            entry = Entry(Service, uuid.UUID(row.id), row.path, fields)
            if self.tables.gives(row, "attributes"):
                entry.links["categories"] = self._categories(row)
            if self.tables.gives(row, "languages"):
                entry.links["languages"] = self._languages(row)
            if self.tables.gives(row, "service_at_locations"):
                entry.links["locations"] = self._service_locations(row, organization_id)
            self.plan.services[row.id] = entry

    def _cost(self, row):
        values = row.values
        if values.get("fees_description"):
            return values["fees_description"]
        if self.tables.gives(row, "cost_options"):
            return "; ".join(
                _cost_text(option.values)
                for option in self.children("cost_option", "service_id", row.id)
            )
        if values.get("fees"):
            return values["fees"]
        return None

    def _categories(self, row):
        found = []
        for term_id in self._attribute_terms("service", row.id):
            if term_id in self.kind_terms:
                continue
            if term_id in self.tables.rejected:
                continue
            stored = self.term_ids.get(term_id) or (
                term_id if _existing(TaxonomyTerm, [term_id]) else None
            )
            if stored is None:
                self.report.note(
                    "attribute",
                    term_id,
                    f"{row.path}.attributes",
                    _("The taxonomy term %(id)s is neither in the file nor in the directory; "
                      "left out.") % {"id": term_id},
                )  # fmt: skip
                continue
            found.append(uuid.UUID(stored))
        return found

    def _languages(self, row):
        found = []
        for language in self.children("language", "service_id", row.id):
            values = language.values
            known = self.places.language(values.get("code", ""), values.get("name", ""))
            if known is None:
                self.report.note(
                    "language",
                    language.id,
                    language.path,
                    _("Rohnamo does not list the language %(language)s; left out.")
                    % {"language": values.get("name") or values.get("code") or "?"},
                )
                continue
            found.append(known.pk)
        return found

    def _service_locations(self, row, organization_id):
        found = []
        for link in self.children("service_at_location", "service_id", row.id):
            location_id = str(link.values.get("location_id", ""))
            location = self.plan.locations.get(location_id)
            if not self._known(Location, self.plan.locations, location_id):
                self.report.error(
                    "service_at_location",
                    link.id,
                    f"{link.path}.location_id",
                    _("The location %(id)s is neither in the file nor in the directory.")
                    % {"id": location_id},
                )
                continue
            if location_id in self.tables.rejected:
                continue
            if location is not None:
                # A place listed only under a service belongs to that service's organisation.
                location.fields.setdefault("organization_id", uuid.UUID(str(organization_id)))
            found.append((uuid.UUID(link.id), uuid.UUID(location_id)))
        return found

    # Phones

    def _phones(self):
        for row in self.tables.of("phone"):
            values = row.values
            owners = {}
            for name, group, model in (
                ("organization_id", self.plan.organizations, Organization),
                ("service_id", self.plan.services, Service),
                ("location_id", self.plan.locations, Location),
            ):
                owner = str(values.get(name) or "")
                if owner not in self.tables.rejected and self._known(model, group, owner):
                    owners[name] = uuid.UUID(owner)
            link = self.tables.get("service_at_location", values.get("service_at_location_id", ""))
            if link is not None and "service_id" not in owners:
                service_id = str(link.values.get("service_id", ""))
                if service_id in self.plan.services:
                    owners["service_id"] = uuid.UUID(service_id)
            if not owners:
                self.report.note(
                    "phone",
                    row.id,
                    row.path,
                    _("A phone of a contact or of a record not imported; left out."),
                )
                continue
            kind = str(values.get("type", "")).strip().lower()
            extension = values.get("extension")
            fields = {
                "organization_id": owners.get("organization_id"),
                "service_id": owners.get("service_id"),
                "location_id": owners.get("location_id"),
                "number": str(values.get("number", "")).strip().strip("\"'").strip(),
                "extension": "" if extension in (None, "") else _plain_number(extension),
                "kind": kind if kind in PhoneType.values else _PHONE_TYPES.get(kind, "voice"),
                "description": values.get("description", ""),
            }
            self.plan.phones[row.id] = Entry(Phone, uuid.UUID(row.id), row.path, fields)

    # Rohnamo's own rules for each field (lengths, e-mail and web addresses...)

    def _check_fields(self, entry):
        names = HSDS_NAMES.get(entry.model, {})
        for name, value in list(entry.fields.items()):
            if name.endswith("_id") or value is None:
                continue
            model_field = entry.model._meta.get_field(name)
            if name in SHORTENED.get(entry.model, ()) and len(value) > model_field.max_length:
                entry.fields[name] = value[: model_field.max_length - 1] + "…"
                self.report.note(
                    entry.model._meta.model_name,
                    entry.id,
                    f"{entry.path}.{names.get(name, name)}",
                    _("Shortened to %(limit)d characters.") % {"limit": model_field.max_length},
                )
                continue
            try:
                entry.fields[name] = model_field.clean(value, None)
            except ValidationError as error:
                for message in error.messages:
                    self.report.error(
                        entry.model._meta.model_name,
                        entry.id,
                        f"{entry.path}.{names.get(name, name)}",
                        message,
                    )


def _decimal(value):
    if value is None or value == "":
        return None
    return Decimal(str(round(float(value), 6)))


def _plain_number(value):
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _schedule_text(values):
    if values.get("description"):
        return str(values["description"])
    days = values.get("byday", "")
    hours = "–".join(
        str(values[name])[:5] for name in ("opens_at", "closes_at") if values.get(name)
    )
    return " ".join(part for part in (days, hours) if part)


def _cost_text(values):
    amount = " ".join(
        str(values[name]) for name in ("amount", "currency") if values.get(name) not in (None, "")
    )
    parts = [values.get("option", ""), amount, values.get("amount_description", "")]
    return " ".join(str(part) for part in parts if part)
