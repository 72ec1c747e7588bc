"""Any HSDS document as flat rows per table, the way the CSV data package holds them.

Nested JSON (an organisation with its services and their locations...) is walked once: each
object becomes a row of its table, linked to its parent by the parent's id, as the tabular form
links them. The same record met twice (one phone under an organisation and under its location)
is one row with both links. Importing then reads rows only, whatever the file's form was.
"""

from dataclasses import dataclass

from rohnamo.directory.hsds.schemas import KEY_TABLES, table_fields, table_schema

# A single nested object links its parent to it (a service's ``organization`` sets the service's
# ``organization_id``); these fields say which.
_OBJECT_LINKS = {
    "organization": "organization_id",
    "service": "service_id",
    "location": "location_id",
    "program": "program_id",
    "taxonomy_term": "taxonomy_term_id",
    "taxonomy_detail": "taxonomy_id",
}


@dataclass
class Row:
    table: str
    values: dict
    path: str
    # The nested lists and objects the source gave (None for a CSV row: then the tables the
    # package has). A list left out means "unchanged", an empty list means "none".
    given: frozenset | None = None

    @property
    def id(self):
        return str(self.values.get("id", ""))


class Tables:
    """Rows of an HSDS document by table and id."""

    def __init__(self):
        self.rows = {}
        self.present = set()  # tables a tabular source had, even empty ones
        # Ids of records that failed their schema: left out, but known to exist, so that what
        # refers to them is not reported a second time.
        self.rejected = set()

    def reject(self, record):
        """Remember the ids of ``record`` and of everything nested in it."""
        if isinstance(record, dict):
            if record.get("id"):
                self.rejected.add(str(record["id"]))
            for value in record.values():
                self.reject(value)
        elif isinstance(record, list):
            for item in record:
                self.reject(item)

    def add(self, table, values, path, given=None):
        """Add a row, or complete the row of the same id met before (first values win)."""
        by_id = self.rows.setdefault(table, {})
        key = str(values.get("id", "")) or f"#{len(by_id)}"
        row = by_id.get(key)
        if row is None:
            row = by_id[key] = Row(table, dict(values), path, given)
            return row
        for name, value in values.items():
            if row.values.get(name) in (None, ""):
                row.values[name] = value
        if given is not None and row.given is not None:
            row.given = row.given | given
        return row

    def of(self, table):
        return list(self.rows.get(table, {}).values())

    def get(self, table, record_id):
        return self.rows.get(table, {}).get(str(record_id))

    def gives(self, row, key):
        """Whether the source said anything about ``row``'s ``key`` list (e.g. "languages")."""
        if row.given is None:
            return KEY_TABLES.get(key, key) in self.present
        return key in row.given

    def __len__(self):
        return sum(len(rows) for rows in self.rows.values())


def add_nested(tables, table, record, path):
    """Add ``record`` of ``table`` and everything nested in it, linked as the tabular form is."""
    values = {name: value for name, value in record.items() if not isinstance(value, (list, dict))}
    given = frozenset(name for name, value in record.items() if isinstance(value, (list, dict)))
    for name, value in record.items():
        if isinstance(value, dict) and name in KEY_TABLES:
            child = add_nested(tables, KEY_TABLES[name], value, f"{path}.{name}")
            link = _OBJECT_LINKS.get(name)
            if link and child.id and not values.get(link):
                values[link] = child.id
    row = tables.add(table, values, path, given)
    for name, value in record.items():
        if not (isinstance(value, list) and name in KEY_TABLES):
            continue
        child_table = KEY_TABLES[name]
        child_fields = table_schema(child_table)["properties"]
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            item = dict(item)
            if child_table == "attribute":
                # Nesting says which record an attribute describes, whatever its fields say
                # (the specification's own example has "link_entity": "link_entity").
                item.update(link_id=row.id, link_entity=table)
            elif f"{table}_id" in child_fields and f"{table}_id" not in item:
                item[f"{table}_id"] = row.id
            add_nested(tables, child_table, item, f"{path}.{name}[{index}]")
    return row


def typed_row(table, raw):
    """A CSV row (all text) with the schema's types: numbers as numbers, columns the table does
    not define dropped, empty cells left out, except that a required text field is empty text
    (a CSV cannot tell the two apart). A cell that is not a number stays text, so that checking
    the row against the schema names it."""
    types = {name: spec.get("type") for name, spec in table_fields(table)}
    required = set(table_schema(table).get("required", []))
    values = {}
    for name, text in raw.items():
        if name not in types or text is None:
            continue
        if text == "":
            if name in required and types[name] == "string":
                values[name] = ""
            continue
        if types[name] == "number":
            values[name] = _number(text)
        else:
            values[name] = text
    return values


def _number(text):
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number


def csv_cell(value):
    """A value as the text of a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
