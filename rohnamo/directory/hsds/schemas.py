"""The HSDS 3.0 schemas, and checking records against them.

Each table of the specification has a schema file (``schema/organization.json``...) that refers to
the others by file name. They are loaded into one ``referencing`` registry, so ``$ref`` between them
resolves. The whole records the specification exchanges (an organisation with its services, a
service with its organisation...) are small schemas composed from those files.
"""

import json
import re
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "schema"

# A nested record's key names the table its objects belong to.
KEY_TABLES = {
    "organization": "organization",
    "services": "service",
    "service": "service",
    "locations": "location",
    "location": "location",
    "phones": "phone",
    "service_at_locations": "service_at_location",
    "languages": "language",
    "addresses": "address",
    "schedules": "schedule",
    "attributes": "attribute",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
    "contacts": "contact",
    "cost_options": "cost_option",
    "funding": "funding",
    "programs": "program",
    "program": "program",
    "required_documents": "required_document",
    "service_areas": "service_area",
    "accessibility": "accessibility",
    "organization_identifiers": "organization_identifier",
    "metadata": "metadata",
}


@cache
def table_schema(table):
    """The specification's schema of one table, e.g. ``table_schema("service")``."""
    return json.loads((SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8"))


@cache
def tables():
    """Every table of the specification, in the order of its data package."""
    names = [path.stem for path in SCHEMA_DIR.glob("*.json")]
    return sorted(names, key=lambda name: table_schema(name)["datapackage_metadata"]["order"])


@cache
def registry():
    resources = [
        (f"{table}.json", Resource.from_contents(table_schema(table), DRAFT202012))
        for table in tables()
    ]
    return Registry().with_resources(resources)


# Whole records as the specification's compiled schemas nest them, built from the table files.
RECORD_SCHEMAS = {
    "organization": {
        "allOf": [{"$ref": "organization.json"}],
        "properties": {"services": {"type": "array", "items": {"$ref": "service.json"}}},
    },
    "service": {"$ref": "service.json"},
    "service_at_location": {
        "allOf": [{"$ref": "service_at_location.json"}],
        "properties": {"service": {"$ref": "service.json"}},
    },
    "location": {"$ref": "location.json"},
    "taxonomy": {"$ref": "taxonomy.json"},
    "taxonomy_term": {"$ref": "taxonomy_term.json"},
}


@cache
def record_validator(kind):
    """A validator of whole records of ``kind`` (a key of ``RECORD_SCHEMAS``)."""
    return Draft202012Validator(
        RECORD_SCHEMAS[kind], registry=registry(), format_checker=FormatChecker()
    )


@cache
def row_validator(table):
    """A validator of one row of ``table`` in the tabular form (CSV), where a few more fields
    are required: the row's link to its parent cannot come from nesting."""
    schema = {
        "allOf": [{"$ref": f"{table}.json"}],
        "required": table_schema(table).get("tabular_required", []),
    }
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def table_fields(table):
    """The fields of ``table`` that its CSV file has: every property that is not a list or a
    nested object, in the schema's order."""
    return [
        (name, spec)
        for name, spec in table_schema(table)["properties"].items()
        if spec.get("type") != "array" and "$ref" not in spec
    ]


_REQUIRED = re.compile(r"^'(?P<name>[^']+)' is a required property$")


def schema_problems(validator, record, *, base_path, kind):
    """Each way ``record`` breaks the schema, as ``(record type, record id, path, message)``.

    The type and id are those of the innermost record holding the error, so a bad phone number
    of the third service points at that phone, not at the organisation.
    """
    found = []
    for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        path, record_type, record_id = base_path, kind, record.get("id", "")
        node = record
        for step in error.absolute_path:
            node = node[step]
            if isinstance(step, int):
                path += f"[{step}]"
            else:
                path += f".{step}"
                record_type = KEY_TABLES.get(step, record_type)
            if isinstance(node, dict):
                record_id = node.get("id", "")
        message, missing = _message(error)
        if missing:
            path += f".{missing}"
        found.append((record_type, record_id, path, message))
    return found


def _message(error):
    """A message people can act on, in their language, and the missing field if one is."""
    keyword = error.validator
    if keyword == "required":
        match = _REQUIRED.match(error.message)
        name = match["name"] if match else ""
        return _("This field is required."), name
    if keyword == "enum":
        return _("%(value)s is not one of: %(choices)s.") % {
            "value": json.dumps(error.instance, ensure_ascii=False),
            "choices": ", ".join(str(choice) for choice in error.validator_value),
        }, ""
    if keyword == "type":
        return _("%(value)s should be of type %(type)s.") % {
            "value": json.dumps(error.instance, ensure_ascii=False)[:80],
            "type": error.validator_value,
        }, ""
    if keyword == "format":
        return _("%(value)s is not a valid %(format)s.") % {
            "value": json.dumps(error.instance, ensure_ascii=False)[:80],
            "format": error.validator_value,
        }, ""
    return error.message, ""
